package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling is per user name AND client address: a stranger who fails on purpose from one
 * address pauses that user name there, never the user signing in from elsewhere. The sign-in page says
 * the user name is paused and for how long, not "wrong user name or password".
 */
class SignInFromElsewhereApiTest extends ApiTest {
    private static final String STRANGER = "127.0.0.2";
    private static final String USER_ADDRESS = "127.0.0.1";

    @TempDir
    Path downloads;

    @Test
    void a_stranger_who_fails_five_times_pauses_the_user_only_at_the_strangers_address() throws IOException {
        String user = "kungsholmen-admin";
        for (int i = 0; i < SignInThrottle.ALLOWED_FAILURES; i++) {
            assertThat(statusFrom(STRANGER, user, "guess-" + i)).isEqualTo(401);
        }
        assertThat(statusFrom(STRANGER, user, "demo")).as("the stranger's address is paused").isEqualTo(429);
        assertThat(statusFrom(USER_ADDRESS, user, "demo")).as("the user from their own address").isEqualTo(200);
    }

    @Test
    void the_sign_in_page_says_the_user_name_is_paused_and_for_how_long() {
        try (Browser browser = new Browser(port, downloads)) {
            for (int i = 0; i <= SignInThrottle.ALLOWED_FAILURES; i++) {
                browser.open("/login");
                browser.find("#username").sendKeys("norrmalm-admin");
                browser.find("#password").sendKeys("guess-" + i);
                browser.find("#sign-in").click();
                browser.waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login?"));
            }
            assertThat(browser.driver().getCurrentUrl()).containsPattern("/login\\?paused=\\d+");
            String note = browser.find("#sign-in-paused").getText();
            assertThat(note).containsPattern("pausat härifrån i \\d+ sekunder");
            assertThat(browser.find("[data-show=error]").isDisplayed()).as("not 'wrong user name or password'").isFalse();
            browser.find("#lang").click();
            assertThat(browser.find("#sign-in-paused").getText()).containsPattern("paused from here for \\d+ seconds");
        }
    }

    /** A read with HTTP Basic over a socket from the given loopback address: the server sees it as the client address. */
    private int statusFrom(String address, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/districts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
