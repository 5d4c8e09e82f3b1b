package org.sitrep.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The photo library: upload, then check the caption and credit the file carried. */
@Controller
class PhotoDeskController {
    private final PhotoLibrary photos;

    PhotoDeskController(PhotoLibrary photos) {
        this.photos = photos;
    }

    @GetMapping("/newsroom/photos")
    String library(Model model) {
        model.addAttribute("photos", photos.recent(120));
        model.addAttribute("maxMegabytes", photos.maxBytes() / (1024 * 1024));
        return "newsroom/photos";
    }

    @PostMapping("/newsroom/photos")
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) throw new PhotoRejected("Choose a JPEG or PNG file to upload.");
            Photo photo = photos.upload(file.getBytes(), file.getOriginalFilename());
            redirect.addFlashAttribute(
                    "notice", "Uploaded. Check the caption and credit read from the file, then save.");
            return "redirect:/newsroom/photos/" + photo.id();
        } catch (PhotoRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", e.getMessage());
            return library(model);
        } catch (IOException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "The upload did not arrive complete. Please try again.");
            return library(model);
        }
    }

    /**
     * Upload from the piece editor's photo picker, without leaving the piece: answers the new photo
     * (or the reason it was refused) as JSON for the picker to show and select.
     */
    @PostMapping(value = "/newsroom/photos/picker", produces = "application/json")
    ResponseEntity<Map<String, Object>> uploadFromPicker(
            @RequestParam(name = "file", required = false) MultipartFile file) {
        try {
            if (file == null || file.isEmpty()) throw new PhotoRejected("Choose a JPEG or PNG file to upload.");
            Photo photo = photos.upload(file.getBytes(), file.getOriginalFilename());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", photo.id());
            answer.put("thumbnail", photo.thumbnailUrl());
            answer.put("caption", photo.caption() == null ? "" : photo.caption());
            answer.put("credit", photo.credit() == null ? "" : photo.credit());
            answer.put("edit", "/newsroom/photos/" + photo.id());
            return ResponseEntity.ok(answer);
        } catch (PhotoRejected e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage()));
        } catch (IOException e) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "The upload did not arrive complete. Please try again."));
        }
    }

    @GetMapping("/newsroom/photos/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        model.addAttribute(
                "photo", photos.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "newsroom/photo-form";
    }

    @PostMapping("/newsroom/photos/{id}")
    String describe(
            @PathVariable("id") long id,
            @RequestParam(name = "caption", defaultValue = "") String caption,
            @RequestParam(name = "credit", defaultValue = "") String credit,
            @RequestParam(name = "pictureId", defaultValue = "") String pictureId,
            @RequestParam(name = "keywords", defaultValue = "") String keywords,
            @RequestParam(name = "altText", defaultValue = "") String altText,
            RedirectAttributes redirect) {
        photos.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        photos.describe(id, caption, credit, pictureId, keywords, altText);
        redirect.addFlashAttribute("notice", "Photo details saved.");
        return "redirect:/newsroom/photos/" + id;
    }
}
