package org.sitrep.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** POST /webhooks/stripe: 200 for an event applied or already seen, 400 for anything not signed by Stripe. */
@RestController
class StripeWebhookController {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeEvents events;

    StripeWebhookController(StripeEvents events) {
        this.events = events;
    }

    @PostMapping(value = "/webhooks/stripe")
    ResponseEntity<String> receive(
            @RequestBody(required = false) String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (!events.configured())
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Stripe is not configured");
        if (payload == null || payload.length() > 1_000_000)
            return ResponseEntity.badRequest().body("refused");
        try {
            return ResponseEntity.ok(events.receive(payload, signature).name().toLowerCase());
        } catch (StripeEvents.Refused e) {
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body("refused");
        }
    }
}
