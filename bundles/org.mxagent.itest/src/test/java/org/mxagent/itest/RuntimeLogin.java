package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Logs the runtime in as a freshly registered dev-homeserver user. The transport registers the new
 * {@link MatrixClient} inside {@code login} and DS binds it to dynamic references synchronously, so once this
 * returns every component works with the new session.
 */
final class RuntimeLogin {
    final DevHomeserver homeserver;
    final URI url;
    final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);

    RuntimeLogin() {
        this.url = URI.create(TestEnvironment.require(TestEnvironment.HOMESERVER));
        this.homeserver = new DevHomeserver(url, TestEnvironment.require(TestEnvironment.REGISTRATION_SECRET));
    }

    DevHomeserver.User register(String name) throws Exception {
        return homeserver.register(name + "-" + runId);
    }

    /** Logs the runtime in as {@code user} and returns the client of that session. */
    MatrixClient login(BundleContext context, MatrixAccount account, DevHomeserver.User user) throws Exception {
        MatrixSession session = account.login(url, user.localpart(), user.password().toCharArray());
        assertThat(session.userId()).isEqualTo(user.userId());
        ServiceReference<MatrixClient> reference = context.getServiceReference(MatrixClient.class);
        assertThat(reference).as("MatrixClient registered by login").isNotNull();
        MatrixClient client = context.getService(reference);
        assertThat(client.session().userId()).isEqualTo(user.userId());
        return client;
    }
}
