package org.mxagent.pty4j.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The slf4j provider of this bundle's private slf4j copy: pty4j's log lines go to the OSGi Log Service on behalf
 * of this bundle (or, outside OSGi, warnings and errors to stderr). Found by slf4j's ServiceLoader through
 * {@code META-INF/services} in this same bundle, so no SPI Fly is needed.
 */
public final class OsgiLogServiceProvider implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new BridgeLoggerFactory(LogTarget.forBundleOf(OsgiLogServiceProvider.class));
    }
}
