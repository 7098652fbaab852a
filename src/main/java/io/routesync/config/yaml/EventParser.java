package io.routesync.config.yaml;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Jackson's YAML parser with the snakeyaml event of the current token in view: Jackson reports an
 * alias but drops the anchor of a scalar and whether a key was quoted, which anchors and the merge key
 * {@code <<} (plain only, as in PyYAML) need.
 */
final class EventParser extends YAMLParser {

    private EventParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, Reader reader) {
        super(ctxt, parserFeatures, formatFeatures, options, null, reader);
    }

    /** The anchor ({@code &name}) of the current value, or null. */
    String anchor() {
        return _lastEvent instanceof NodeEvent ? ((NodeEvent) _lastEvent).getAnchor() : null;
    }

    /** True when the current token is a scalar written without quotes (a merge key must be). */
    boolean isPlainScalar() {
        Event e = _lastEvent;
        return e instanceof ScalarEvent && ((ScalarEvent) e).getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    /** A {@link YAMLFactory} that makes {@link EventParser}s. */
    static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(LoaderOptions options) {
            super(YAMLFactory.builder().loaderOptions(options));
        }

        EventParser create(Reader reader) throws java.io.IOException {
            return (EventParser) createParser(reader);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new EventParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, r);
        }
    }
}
