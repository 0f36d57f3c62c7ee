package io.lambdaguardrails.testbed;

import io.lambdaguardrails.demo.SeededOrganization;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @RegisterExtension static final MotoOrganisation MOTO = new MotoOrganisation()} beside
 * {@code @ExtendWith(MotoExtension.class)}: an organisation created on the shared moto server once it is reset, before
 * the class's {@code @BeforeAll} seeds it, with the harness that seeds and scans it; both are closed after the class.
 */
public final class MotoOrganisation implements BeforeAllCallback, AfterAllCallback {

    private MotoServer moto;
    private ScanHarness harness;
    private SeededOrganization org;

    @Override
    public void beforeAll(ExtensionContext context) {
        moto = MotoServer.shared();
        harness = new ScanHarness(moto.endpoint());
        org = harness.createOrganization();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        org.close();
        harness.close();
    }

    public MotoServer moto() {
        return moto;
    }

    public ScanHarness harness() {
        return harness;
    }

    public SeededOrganization org() {
        return org;
    }
}
