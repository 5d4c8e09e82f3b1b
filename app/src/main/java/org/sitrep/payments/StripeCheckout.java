package org.sitrep.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.sitrep.members.Plans;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.Subscriptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Stripe Checkout and the customer portal through stripe-java. Checkout sessions carry the
 * reader's id ({@code client_reference_id}) and the plan code ({@code metadata.plan}), which the
 * {@code checkout.session.completed} webhook turns into a subscription; prices come from our
 * plans, so the publisher changes them in /admin/plans, not in Stripe's dashboard.
 */
@Service
public class StripeCheckout {
    /** Stripe could not be reached or refused; the reader gets a "try again" message. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final StripeClient client;
    private final SitrepProperties properties;
    private final Subscriptions subscriptions;

    public StripeCheckout(
            @Value("${sitrep.stripe.secret-key:}") String secretKey,
            @Value("${sitrep.stripe.api-base:https://api.stripe.com}") String apiBase,
            SitrepProperties properties,
            Subscriptions subscriptions) {
        this.client = secretKey == null || secretKey.isBlank()
                ? null
                : StripeClient.builder()
                        .setApiKey(secretKey)
                        .setApiBase(apiBase)
                        .setMaxNetworkRetries(1)
                        .build();
        this.properties = properties;
        this.subscriptions = subscriptions;
    }

    public boolean configured() {
        return client != null;
    }

    /** The address of a new Checkout page for this reader and plan. */
    public String checkout(ReaderAccounts.Reader reader, Plans.Plan plan) {
        return checkout(reader, plan, null);
    }

    /** The same, Stripe sending the reader back to {@code next} (a safe path on this site) once paid, else to the account page. */
    public String checkout(ReaderAccounts.Reader reader, Plans.Plan plan, String next) {
        String back = org.sitrep.common.ReturnPath.of(next).orElse(null);
        return create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(String.valueOf(reader.id()))
                .setCustomerEmail(reader.email())
                .putMetadata("plan", plan.code())
                // The subscription carries the reader and plan too, so its own events can start it
                // when they arrive before checkout.session.completed (Stripe does not order webhooks).
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("reader", String.valueOf(reader.id()))
                        .putMetadata("plan", plan.code())
                        .build())
                .setSuccessUrl(base() + (back != null ? back : "/account?checkout=done"))
                .setCancelUrl(base() + org.sitrep.common.ReturnPath.link("/subscribe", back))
                .addLineItem(lineItem(plan, 1, plan.name(), true))
                .build());
    }

    /**
     * Checkout for a team licence: one subscription with a quantity of {@code seats}. The session and
     * the subscription both carry {@code kind=team}, the buyer, the plan and the organisation's name,
     * so whichever webhook comes first can make the organisation ({@link StripeSales#startTeam}).
     */
    public String checkoutTeam(ReaderAccounts.Reader buyer, Plans.Plan plan, int seats, String organisation) {
        return create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(String.valueOf(buyer.id()))
                .setCustomerEmail(buyer.email())
                .putMetadata("kind", "team")
                .putMetadata("plan", plan.code())
                .putMetadata("organisation", organisation)
                .putMetadata("seats", String.valueOf(seats))
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("kind", "team")
                        .putMetadata("reader", String.valueOf(buyer.id()))
                        .putMetadata("plan", plan.code())
                        .putMetadata("organisation", organisation)
                        .build())
                .setSuccessUrl(base() + "/licences/team?checkout=done")
                .setCancelUrl(base() + "/licences/team")
                .addLineItem(lineItem(plan, seats, plan.name() + " (team seats)", true))
                .build());
    }

    /**
     * Checkout for a gift: a one-off payment of the plan's price (no subscription: the recipient's
     * year starts when they redeem it). Only the gift's id travels; its addresses and message stay here.
     */
    public String checkoutGift(long giftId, String buyerEmail, Plans.Plan plan) {
        return create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomerEmail(buyerEmail)
                .setClientReferenceId("gift-" + giftId)
                .putMetadata("kind", "gift")
                .putMetadata("gift", String.valueOf(giftId))
                .setSuccessUrl(base() + "/gift/paid")
                .setCancelUrl(base() + "/gift")
                .addLineItem(lineItem(plan, 1, "A year of " + plan.name() + " (gift)", false))
                .build());
    }

    /**
     * Changes a team licence's seats at Stripe (its one item's quantity, prorated); our seats follow
     * by the {@code customer.subscription.updated} webhook, as every change Stripe makes does.
     */
    public void changeSeats(String subscriptionRef, int seats) {
        try {
            com.stripe.model.Subscription sub = client.subscriptions().retrieve(subscriptionRef);
            String item = sub.getItems().getData().get(0).getId();
            client.subscriptions()
                    .update(
                            subscriptionRef,
                            com.stripe.param.SubscriptionUpdateParams.builder()
                                    .addItem(com.stripe.param.SubscriptionUpdateParams.Item.builder()
                                            .setId(item)
                                            .setQuantity((long) seats)
                                            .build())
                                    .setProrationBehavior(
                                            com.stripe.param.SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                                    .build());
        } catch (StripeException | RuntimeException e) {
            throw new Unavailable("Stripe seat change failed: " + e.getMessage(), e);
        }
    }

    private String create(SessionCreateParams params) {
        try {
            return client.checkout().sessions().create(params).getUrl();
        } catch (StripeException | RuntimeException e) {
            throw new Unavailable("Stripe checkout failed: " + e.getMessage(), e);
        }
    }

    private static SessionCreateParams.LineItem lineItem(
            Plans.Plan plan, int quantity, String name, boolean recurring) {
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(plan.currency().toLowerCase(Locale.ROOT))
                .setUnitAmount((long) plan.priceCents())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                        .setName(name)
                        .build());
        if (recurring) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(
                            plan.interval() == Plans.Interval.YEAR
                                    ? SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR
                                    : SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        return SessionCreateParams.LineItem.builder()
                .setQuantity((long) quantity)
                .setPriceData(price.build())
                .build();
    }

    private String base() {
        return properties.baseUrl().replaceAll("/+$", "");
    }

    /**
     * The subscription as Stripe has it now (its JSON), to reconcile from when the webhooks leave us
     * in doubt; empty when Stripe is not configured or cannot be reached.
     */
    public java.util.Optional<String> subscription(String ref) {
        if (client == null || ref == null || ref.isEmpty()) return java.util.Optional.empty();
        try {
            return java.util.Optional.ofNullable(
                    client.subscriptions().retrieve(ref).getLastResponse().body());
        } catch (StripeException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StripeCheckout.class)
                    .warn("Stripe subscription {} could not be read: {}", ref, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The address of Stripe's billing portal for the reader's Stripe customer, or null when they have none. */
    public String portal(long userId) {
        String customer = subscriptions.providerCustomer(userId, "STRIPE");
        if (customer == null) return null;
        try {
            return client.billingPortal()
                    .sessions()
                    .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                            .setCustomer(customer)
                            .setReturnUrl(properties.baseUrl().replaceAll("/+$", "") + "/account")
                            .build())
                    .getUrl();
        } catch (StripeException | RuntimeException e) {
            throw new Unavailable("Stripe portal failed: " + e.getMessage(), e);
        }
    }
}
