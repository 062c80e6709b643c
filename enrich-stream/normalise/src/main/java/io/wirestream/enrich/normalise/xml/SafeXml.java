package io.wirestream.enrich.normalise.xml;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormaliserLimits;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way this module parses XML. External DTDs are never loaded, external entities never resolved, XInclude
 * is off, secure processing is on with a small entity-expansion limit, and a document that declares entities at all
 * is refused before the parser sees it (reason {@code xml-entity-refused}). A DOCTYPE that only names an external DTD
 * (NITF often does) is fine: it is not fetched. HTML named entities that the document uses without declaring
 * ({@code &nbsp;} in NITF copy) are turned into character references first.
 */
public final class SafeXml {

    private static final Pattern DOCTYPE_SUBSET = Pattern.compile("<!DOCTYPE[^\\[>]*\\[(.*?)\\]\\s*>", Pattern.DOTALL);
    private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private SafeXml() {}

    /** Parses decoded XML text into a namespace-aware DOM, or refuses it with a parse-stage reason. */
    public static Document parse(String xml, NormaliserLimits limits) throws NormalisationException {
        String text = prepare(xml);
        Matcher subset = DOCTYPE_SUBSET.matcher(text.length() > 65536 ? text.substring(0, 65536) : text);
        if (subset.find() && ENTITY_DECL.matcher(subset.group(1)).find()) {
            throw new NormalisationException("parse", "xml-entity-refused",
                    "the document declares entities in its DOCTYPE; entity declarations are refused");
        }
        text = replaceHtmlEntities(text);
        try {
            DocumentBuilder builder = builder(limits);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {}

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (isEntityProblem(msg)) {
                throw new NormalisationException("parse", "xml-entity-refused", "entity refused: " + msg, e);
            }
            throw new NormalisationException("parse", "malformed-xml",
                    "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + msg, e);
        } catch (SAXException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (isEntityProblem(msg)) {
                throw new NormalisationException("parse", "xml-entity-refused", "entity refused: " + msg, e);
            }
            throw new NormalisationException("parse", "malformed-xml", "malformed XML: " + msg, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new NormalisationException("parse", "malformed-xml", "XML could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean isEntityProblem(String msg) {
        String m = msg.toLowerCase(Locale.ROOT);
        return m.contains("entity") && (m.contains("expansion") || m.contains("limit") || m.contains("external")
                || m.contains("refused") || m.contains("accessexternal") || m.contains("doctype"));
    }

    /** Strips a BOM and anything before the first '<' (a parser refuses white space before the declaration). */
    static String prepare(String xml) {
        int start = 0;
        while (start < xml.length() && xml.charAt(start) != '<') {
            start++;
        }
        return start == 0 ? xml : xml.substring(start);
    }

    static String replaceHtmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = NAMED_ENTITY.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            if (XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
                continue;
            }
            String chars = Entities.getByName(name);
            if (chars == null || chars.isEmpty()) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, last, m.start());
            for (int cp : chars.codePoints().toArray()) {
                sb.append("&#").append(cp).append(';');
            }
            last = m.end();
        }
        if (sb == null) {
            return text;
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    /** Builders are costly to look up and not thread-safe: one per thread and expansion limit, reset before use. */
    private static final ThreadLocal<java.util.Map<Integer, DocumentBuilder>> BUILDERS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static DocumentBuilder builder(NormaliserLimits limits) throws ParserConfigurationException {
        java.util.Map<Integer, DocumentBuilder> mine = BUILDERS.get();
        DocumentBuilder b = mine.get(limits.maxXmlEntityExpansions());
        if (b == null) {
            b = factory(limits).newDocumentBuilder();
            mine.put(limits.maxXmlEntityExpansions(), b);
        } else {
            b.reset();
        }
        return b;
    }

    private static DocumentBuilderFactory factory(NormaliserLimits limits) throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        String expansions = Integer.toString(limits.maxXmlEntityExpansions());
        try {
            f.setAttribute("jdk.xml.entityExpansionLimit", expansions);
        } catch (IllegalArgumentException e) {
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", expansions);
        }
        return f;
    }
}
