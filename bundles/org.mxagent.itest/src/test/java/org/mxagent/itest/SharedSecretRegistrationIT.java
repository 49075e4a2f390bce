package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The transport registers dev-homeserver accounts itself (shared-secret registration) and logs in as them. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class SharedSecretRegistrationIT {

    @InjectService(timeout = 10000)
    MatrixAccount account;

    @InjectBundleContext
    BundleContext context;

    @AfterEach
    void logOut() throws MatrixException {
        account.logout();
    }

    @Test
    void registersAnAccountAndIsLoggedInAsIt() throws Exception {
        URI homeserver = URI.create(TestEnvironment.require(TestEnvironment.HOMESERVER));
        char[] secret = TestEnvironment.require(TestEnvironment.REGISTRATION_SECRET).toCharArray();
        String user = "reg-" + UUID.randomUUID().toString().substring(0, 8);

        MatrixSession session = account.registerWithSharedSecret(homeserver, user, "pw-123456".toCharArray(), secret);

        assertThat(session.userId()).startsWith("@" + user + ":");
        MatrixClient client = context.getService(context.getServiceReference(MatrixClient.class));
        assertThat(client.request("GET", "/_matrix/client/v3/account/whoami", null).path("user_id").asText())
                .isEqualTo(session.userId());
    }

    @Test
    void aWrongSecretIsRefusedByTheServer() {
        URI homeserver = URI.create(TestEnvironment.require(TestEnvironment.HOMESERVER));
        assertThatThrownBy(() -> account.registerWithSharedSecret(homeserver, "reg-bad-" + UUID.randomUUID()
                .toString().substring(0, 8), "pw".toCharArray(), "not-the-secret".toCharArray()))
                .isInstanceOf(MatrixException.class)
                .satisfies(e -> assertThat(((MatrixException) e).status()).isIn(400, 403));
    }
}
