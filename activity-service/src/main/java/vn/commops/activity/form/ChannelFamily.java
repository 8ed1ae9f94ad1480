package vn.commops.activity.form;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The channel families of the May guidance (seed 002): a closed vocabulary, unlike the forms in them. */
@Schema(name = "ActivityChannel")
public enum ChannelFamily {
    VISUAL, DIRECT, MASS_MEDIA, INTERNET, COMMUNICATION_PRODUCT, DONATION
}
