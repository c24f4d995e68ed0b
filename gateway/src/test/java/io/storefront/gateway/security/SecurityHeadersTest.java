package io.storefront.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void keyedAnswersBecomePrivateAndKeepTheirOtherDirectives() {
        assertEquals("private, max-age=60", SecurityHeaders.privateCopy("max-age=60, public"));
        assertEquals("private, max-age=60, must-revalidate", SecurityHeaders.privateCopy("Public,max-age=60, must-revalidate"));
        assertEquals("private, no-store", SecurityHeaders.privateCopy("no-store"));
        assertEquals("private", SecurityHeaders.privateCopy("public"));
    }
}
