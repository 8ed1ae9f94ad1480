package vn.commops.activity.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.activity.subscription.SubscriptionViews.DeliveryView;
import vn.commops.activity.subscription.SubscriptionViews.IssuedSubscription;
import vn.commops.activity.subscription.SubscriptionViews.ReplayRequest;
import vn.commops.activity.subscription.SubscriptionViews.ReplayView;
import vn.commops.activity.subscription.SubscriptionViews.RotatedSecret;
import vn.commops.activity.subscription.SubscriptionViews.SubscriptionRequest;
import vn.commops.activity.subscription.SubscriptionViews.SubscriptionView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.security.Roles;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook subscriptions", description = "Events pushed to a partner's or an integrator's URL, signed, "
        + "retried, dead-lettered and replayable")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final DeliveryService deliveries;

    SubscriptionResource(SubscriptionService subscriptions, DeliveryService deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Subscribe to events", description = "Events of the named types, within the org units the "
            + "caller is granted (a partner: activity events of its registered units only), are POSTed to the URL, "
            + "signed with a secret returned this once: X-Commops-Signature is sha256=<hex HMAC-SHA256 of "
            + "\"<X-Commops-Timestamp>.<body>\">.")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in this answer only",
            content = @Content(schema = @Schema(implementation = IssuedSubscription.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "403", description = "An event type or org unit outside the caller's grants")
    @APIResponse(responseCode = "422", description = "An unknown event type or org unit, or a URL that may not be "
            + "a target (not https, credentials in it, an internal address)")
    @APIResponse(responseCode = "503", description = "Webhooks are not configured on this platform")
    public Response create(@Valid @NotNull SubscriptionRequest request, UriInfo uriInfo) {
        IssuedSubscription issued = subscriptions.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.subscription().id().toString()).build())
                .entity(issued).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "List subscriptions", description = "A partner sees its own; an integrator sees all.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, each with its deliveries by status")
    public PageOf<SubscriptionView> list(
            @QueryParam("status") @Parameter(example = "ACTIVE") Subscription.Status status,
            @Valid @BeanParam PageRequest paging) {
        return subscriptions.list(Optional.ofNullable(status), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Get a subscription", description = "With its deliveries counted by status.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public SubscriptionView get(@PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Disable a subscription", description = "Nothing more is sent; pending deliveries are "
            + "cancelled. Its deliveries stay visible until the retention period ends.")
    @APIResponse(responseCode = "200", description = "The disabled subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public SubscriptionView disable(@PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id) {
        return subscriptions.disable(id);
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Rotate the signing secret", description = "A new secret, returned this once, signs every "
            + "attempt from now on, retries of earlier deliveries included.")
    @APIResponse(responseCode = "201", description = "The new secret",
            content = @Content(schema = @Schema(implementation = RotatedSecret.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    @APIResponse(responseCode = "503", description = "Webhooks are not configured on this platform")
    public Response rotateSecret(@PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id) {
        return Response.status(Response.Status.CREATED).entity(subscriptions.rotateSecret(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "List a subscription's deliveries", description = "Newest first unless sorted otherwise; "
            + "each with its attempts, the receiver's last answer and when the next attempt is due.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public PageOf<DeliveryView> deliveries(
            @PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id,
            @QueryParam("status") @Parameter(example = "DEAD_LETTERED") Delivery.Status status,
            @Valid @BeanParam PageRequest paging) {
        return deliveries.deliveries(id, Optional.ofNullable(status), paging);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redrive")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Drive a dead letter again", description = "The dead-lettered delivery is queued with its "
            + "attempts counted afresh.")
    @APIResponse(responseCode = "200", description = "The delivery, pending again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's, or no such delivery")
    @APIResponse(responseCode = "409", description = "The delivery is not dead-lettered, or the subscription is "
            + "disabled")
    public DeliveryView redrive(
            @PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id,
            @PathParam("deliveryId") @Parameter(description = "The delivery's id", example = "0193b7e3-1f2a-7b3c-8d4e-5f6a7b8c9d0e") UUID deliveryId) {
        return deliveries.redrive(id, deliveryId);
    }

    @POST
    @Path("/{id}/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Replay events from a point in time", description = "Every event the subscription was sent "
            + "whose time is at or after `from` is queued again as a new delivery (same event id, so receivers that "
            + "deduplicate see no change), within the retention period.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    @APIResponse(responseCode = "422", description = "`from` is in the future or before the retention period")
    public Response replay(
            @PathParam("id") @Parameter(description = "The subscription's id", example = "0193b7e2-5c1a-7d4e-9f3b-2a6c8e1d4f70") UUID id,
            @Valid @NotNull ReplayRequest request) {
        ReplayView replay = deliveries.replay(id, request.from());
        return Response.accepted(replay).build();
    }
}
