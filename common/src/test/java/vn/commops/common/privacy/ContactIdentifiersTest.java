package vn.commops.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactIdentifiersTest {

    @Test
    void oneNumberWrittenManyWaysIsOneIdentifier() {
        assertEquals(Set.of("0912345678"), ContactIdentifiers.in("0912 345 678"));
        assertEquals(Set.of("0912345678"), ContactIdentifiers.in("+84 912.345.678"));
        assertEquals(Optional.of("0912345678"), ContactIdentifiers.of("84912345678"));
    }

    @Test
    void aContactMayNameANumberAndAnAddress() {
        assertEquals(Set.of("0987000111", "huyen.lt@laocai.vss.gov.vn"),
                ContactIdentifiers.in("gọi 0987-000-111 hoặc Huyen.LT@laocai.vss.gov.vn"));
    }

    @Test
    void aLinkOrAShortCodeIsNoIdentifier() {
        assertTrue(ContactIdentifiers.in("facebook.com/someone").isEmpty());
        assertEquals(Optional.empty(), ContactIdentifiers.of("1900"));
        assertEquals(Optional.empty(), ContactIdentifiers.of("Nguyễn Văn A"));
    }

    @Test
    void theSubjectHashDependsOnTheKey() {
        SubjectHash one = SubjectHash.withKey(Optional.of("key-one")).orElseThrow();
        SubjectHash two = SubjectHash.withKey(Optional.of("key-two")).orElseThrow();
        assertEquals(one.of("0912345678"), one.of("0912345678"));
        assertNotEquals(one.of("0912345678"), two.of("0912345678"));
        assertTrue(SubjectHash.withKey(Optional.empty()).isEmpty());
    }
}
