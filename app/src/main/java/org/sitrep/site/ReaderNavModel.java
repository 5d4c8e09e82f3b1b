package org.sitrep.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives pages Spring renders per request (account, join, subscribe, error pages — never cached) the
 * reader's own navigation as {@code readerNav}. Added only when a view is about to be rendered,
 * so handlers that answer bytes (the article page, the API) pay no account look-up for it.
 */
@Configuration
class ReaderNavModel implements WebMvcConfigurer {
    private final ReaderChrome chrome;

    ReaderNavModel(ReaderChrome chrome) {
        this.chrome = chrome;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
                if (mav == null || mav.getModelMap().containsAttribute("readerNav")) return;
                String view = mav.getViewName();
                if (view != null && (view.startsWith("redirect:") || view.startsWith("forward:"))) return;
                mav.addObject("readerNav", chrome.forRequest(request, ReaderChrome.nextFor(request)));
            }
        });
    }
}
