package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class RememberedAttributesTest {

    final RememberedAttributes attributes = new RememberedAttributes(getClass().getClassLoader());

    @Test
    void theSameSignInIsDeserializedOnceAndEachReadGetsItsOwnContext() {
        byte[] stored = bytesOf(signedIn("owner-ed"));

        SecurityContext first = (SecurityContext) read(stored);
        SecurityContext second = (SecurityContext) read(stored.clone());

        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        assertThat(second.getAuthentication().getName()).isEqualTo("owner-ed");
        first.setAuthentication(null); // what signing out does to the context of its request
        assertThat(second.getAuthentication()).isNotNull();
        assertThat(((SecurityContext) read(stored)).getAuthentication()).isNotNull();
    }

    @Test
    void otherBytesAreAnotherValue() {
        SecurityContext owner = (SecurityContext) read(bytesOf(signedIn("owner-ed")));
        SecurityContext chair = (SecurityContext) read(bytesOf(signedIn("chair")));

        assertThat(owner.getAuthentication().getName()).isEqualTo("owner-ed");
        assertThat(chair.getAuthentication().getName()).isEqualTo("chair");
    }

    @Test
    void theFormTokenIsSharedAndOtherValuesAreReadAfresh() {
        byte[] token = bytesOf(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));
        assertThat(read(token)).isSameAs(read(token)).isInstanceOf(CsrfToken.class);

        byte[] list = bytesOf(new ArrayList<>(List.of("flash")));
        Object one = read(list);
        Object another = read(list);
        assertThat(another).isEqualTo(one).isNotSameAs(one);
        assertThat(attributes.rememberedCount()).isEqualTo(1);
    }

    @Test
    void onlySoManyAreRemembered() {
        for (int i = 0; i < RememberedAttributes.REMEMBERED + 50; i++) {
            read(bytesOf(signedIn("person-" + i)));
        }
        assertThat(attributes.rememberedCount()).isEqualTo(RememberedAttributes.REMEMBERED);
    }

    private static SecurityContext signedIn(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
    }

    private byte[] bytesOf(Object value) {
        return (byte[])
                attributes.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    private Object read(byte[] bytes) {
        return attributes.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }
}
