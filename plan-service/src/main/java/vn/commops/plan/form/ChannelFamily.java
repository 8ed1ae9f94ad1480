package vn.commops.plan.form;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The channel families of the May guidance (seed 002). A closed vocabulary, unlike the forms: a new
 * family would change how campaigns are laid out, a new form only what is reported.
 */
@Schema(name = "CommunicationChannel")
public enum ChannelFamily {
    VISUAL, DIRECT, MASS_MEDIA, INTERNET, COMMUNICATION_PRODUCT, DONATION
}
