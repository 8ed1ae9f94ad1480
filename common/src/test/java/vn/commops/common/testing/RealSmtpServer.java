package vn.commops.common.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, that the service under test sends its
 * mail to: one a JVM, so a test sees what every earlier one sent and asserts on its own addressees.
 *
 * <p>Use with {@code @QuarkusTestResource(RealSmtpServer.class)}, or {@link #shared()} to point a platform
 * started by the test at it.
 */
public class RealSmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static synchronized GreenMail shared() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-smtp"));
        }
        return server;
    }

    public static int port() {
        return shared().getSmtp().getPort();
    }

    /** Every message received so far addressed to this address. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(shared().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // Kept for the JVM: a later test class still reads what earlier ones sent.
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
