package org.xinfang.rest.login;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The node's {@code karaf} realm, ranked above Karaf's own (rank 0), which SSH and the REST filter log in
 * through: {@link GuardLoginModule} first (login locks, the audit line with the address), then Karaf's own
 * password module (etc/users.properties, the {@code pbkdf2} hash) and key module (etc/keys.properties), as
 * Karaf's realm has them. Registered as a service rather than with Karaf's blueprint {@code jaas:config}
 * element, whose namespace handler is in no tier.
 */
public final class NodeRealm implements JaasRealm {
    static final String NAME = "karaf";
    private static final String KEYS_MODULE = "org.apache.karaf.jaas.modules.publickey.PublickeyLoginModule";

    private final BundleContext context;
    private final String etc;
    private final String data;

    /** For Blueprint: the realm over the running Karaf's etc/ and data/. */
    public NodeRealm(BundleContext context) {
        this(context, System.getProperty("karaf.etc"), System.getProperty("karaf.data"));
    }

    NodeRealm(BundleContext context, String etc, String data) {
        this.context = context;
        this.etc = etc;
        this.data = data;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        long karafModules = FrameworkUtil.getBundle(PropertiesLoginModule.class).getBundleId();
        Map<String, Object> guard = options(GuardLoginModule.class.getName(), context.getBundle().getBundleId());
        guard.put("audit.file", data + File.separator + "security" + File.separator + "audit.log");
        guard.put("users", etc + File.separator + "users.properties");
        Map<String, Object> passwords = options(PropertiesLoginModule.class.getName(), karafModules);
        passwords.put("users", etc + File.separator + "users.properties");
        passwords.put("encryption.enabled", "true");
        passwords.put("encryption.name", "pbkdf2");
        passwords.put("encryption.prefix", "{CRYPT}");
        passwords.put("encryption.suffix", "{CRYPT}");
        passwords.put("encryption.algorithm", "PBKDF2WithHmacSHA256");
        Map<String, Object> keys = options(KEYS_MODULE, karafModules);
        keys.put("users", etc + File.separator + "keys.properties");
        return new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE, guard),
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL, passwords),
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL, keys),
        };
    }

    private Map<String, Object> options(String module, long bundle) {
        Map<String, Object> o = new HashMap<>();
        o.put(BundleContext.class.getName(), context);
        o.put(ProxyLoginModule.PROPERTY_MODULE, module);
        o.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundle));
        return o;
    }
}
