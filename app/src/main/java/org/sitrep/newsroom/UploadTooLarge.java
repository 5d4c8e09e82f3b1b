package org.sitrep.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over the multipart limit is refused before any controller runs; this turns that into
 * a page that says so instead of an error page.
 */
@ControllerAdvice
class UploadTooLarge {
    private final DataSize limit;

    UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    String tooLarge(MultipartException e, Model model, HttpServletResponse response) {
        boolean size = e instanceof MaxUploadSizeExceededException
                || (e.getMessage() != null && e.getMessage().toLowerCase().contains("size"));
        response.setStatus(size ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute(
                "message",
                size
                        ? "The file is too large: the limit is " + limit.toMegabytes()
                                + " MB. Export a smaller JPEG and try again."
                        : "The upload did not arrive complete. Please try again.");
        return "newsroom/upload-refused";
    }
}
