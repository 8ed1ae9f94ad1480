package vn.commops.crisis.cluster;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.crisis.Feedbacks;

@QuarkusTest
class ClusteringTest {

    private static String clusterOf(String feedbackId) {
        return asNationalAdmin().when().get("/api/v1/feedback/" + feedbackId).then().statusCode(200)
                .extract().path("clusterId");
    }

    @Test
    void copiesOfARumourAreOneClusterWithCountAndFirstAndLastSeen() {
        String place = UUID.randomUUID().toString().substring(0, 6);
        String unit = OrgUnitEventsFixture.knownCommune();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        List<String> copies = List.of(
                "Nghe nói quỹ hưu trí tỉnh " + place + " sắp phá sản, ai đóng BHXH tự nguyện sẽ mất hết tiền",
                "nghe noi quy huu tri tinh " + place + " sap pha san, ai dong bhxh tu nguyen se mat het tien!!!",
                "Nghe nói quỹ hưu trí tỉnh " + place + " sắp phá sản rồi, ai đóng BHXH tự nguyện sẽ mất hết tiền đấy",
                "CHIA SẺ: Nghe nói quỹ hưu trí tỉnh " + place + " sắp phá sản, ai đóng BHXH tự nguyện sẽ mất hết tiền");
        int[] hoursAgo = {3, 1, 5, 2};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            ids.add(Feedbacks.submit(Feedbacks.at(Feedbacks.item("SOCIAL_MEDIA", copies.get(i), unit),
                    now.minusHours(hoursAgo[i]))));
        }
        String unrelated = Feedbacks.submit(Feedbacks.item("HOTLINE",
                "Tôi muốn hỏi thủ tục cấp lại thẻ BHYT bị mất ở xã " + place, unit));

        String cluster = clusterOf(ids.get(0));
        for (String id : ids) {
            assertEquals(cluster, clusterOf(id), "a copy of the rumour fell outside its cluster");
        }
        assertNotEquals(cluster, clusterOf(unrelated));

        asNationalAdmin().when().get("/api/v1/feedback/clusters/" + cluster).then().statusCode(200)
                .body("itemCount", equalTo(4))
                .body("firstSeen", instant(now.minusHours(5)))
                .body("lastSeen", instant(now.minusHours(1)));
        asNationalAdmin().queryParam("minCount", 4).queryParam("sort", "-itemCount")
                .when().get("/api/v1/feedback/clusters").then().statusCode(200)
                .body("items.id", hasItem(cluster));
        asNationalAdmin().queryParam("cluster", cluster).when().get("/api/v1/feedback").then()
                .body("totalItems", equalTo(4));
    }

    private static Matcher<String> instant(OffsetDateTime expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String actual) {
                return Instant.parse(OffsetDateTime.parse(actual).toInstant().toString()).equals(expected.toInstant());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the instant " + expected);
            }
        };
    }
}
