package vn.commops.plan;

import io.quarkus.test.common.QuarkusTestResource;
import vn.commops.common.testing.RealSmtpServer;

/** Every test of this module sends its mail to a real SMTP server started in the test JVM. */
@QuarkusTestResource(RealSmtpServer.class)
public class TestSmtp {
}
