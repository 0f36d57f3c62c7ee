package io.lambdaguardrails.faults;

import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * {@code @RegisterExtension static final ProxiedScenario SCENARIO = new ProxiedScenario(n)} beside
 * {@code @ExtendWith(MotoExtension.class)}: the {@link FaultScenario} organisation with {@code n} members, seeded on
 * the shared moto server once it is reset, reached through a fault proxy that forgets its faults before each test and
 * is closed after the class.
 */
final class ProxiedScenario implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final int memberCount;
    private List<String> members;
    private FaultProxy proxy;

    ProxiedScenario(int memberCount) {
        this.memberCount = memberCount;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MotoServer moto = MotoServer.shared();
        members = FaultScenario.seed(moto, memberCount);
        proxy = new FaultProxy(moto.endpoint());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        proxy.clearFaults();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        proxy.close();
    }

    List<String> members() {
        return members;
    }

    FaultProxy proxy() {
        return proxy;
    }
}
