package io.wirestream.ingest.pull;

import io.wirestream.ingest.publish.RecordKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads RSS 2.0 (and 0.9x/RDF 1.0 items) and Atom 1.0 with the JDK's parser. A feed is untrusted input: DOCTYPEs are
 * refused outright, so neither external entities nor entity expansion bombs can reach the parser.
 */
public final class FeedParser {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    private FeedParser() {}

    public static FeedDocument parse(byte[] xml) throws FeedFormatException {
        Document doc;
        try {
            doc = newBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new FeedFormatException("not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        String name = root.getLocalName();
        if ("feed".equals(name) && ATOM_NS.equals(root.getNamespaceURI())) {
            return new FeedDocument("atom", childText(root, ATOM_NS, "title"), atomEntries(root));
        }
        if ("rss".equals(name) || "RDF".equals(name)) {
            Element channel = firstChild(root, null, "channel");
            return new FeedDocument("rss", channel == null ? null : childText(channel, null, "title"), rssItems(root));
        }
        throw new FeedFormatException("root element <" + root.getNodeName() + "> is neither RSS nor Atom", null);
    }

    private static List<FeedEntry> atomEntries(Element feed) throws FeedFormatException {
        List<FeedEntry> entries = new ArrayList<>();
        for (Element entry : children(feed, ATOM_NS, "entry")) {
            String id = childText(entry, ATOM_NS, "id");
            String version = firstNonBlank(childText(entry, ATOM_NS, "updated"), childText(entry, ATOM_NS, "published"));
            String link = null;
            for (Element l : children(entry, ATOM_NS, "link")) {
                String rel = l.getAttribute("rel");
                if (rel.isEmpty() || rel.equals("alternate")) {
                    link = l.getAttribute("href");
                    break;
                }
            }
            entries.add(entry(entry, id, version, link));
        }
        return entries;
    }

    private static List<FeedEntry> rssItems(Element root) throws FeedFormatException {
        List<FeedEntry> entries = new ArrayList<>();
        // RSS 2.0 has items inside channel; RSS 1.0 (RDF) has them beside it
        List<Element> items = new ArrayList<>();
        Element channel = firstChild(root, null, "channel");
        if (channel != null) {
            items.addAll(children(channel, null, "item"));
        }
        items.addAll(children(root, null, "item"));
        for (Element item : items) {
            String link = childText(item, null, "link");
            String guid = childText(item, null, "guid");
            String version = firstNonBlank(childText(item, null, "pubDate"), childText(item, DC_NS, "date"));
            entries.add(entry(singleItemFeed(root, channel, item), firstNonBlank(guid, link), version, link));
        }
        return entries;
    }

    /**
     * An RSS item is not a document of its own; it goes on as a one-item feed (root attributes and namespace
     * declarations, the channel's metadata, the item), which every RSS reader downstream understands.
     */
    private static Element singleItemFeed(Element root, Element channel, Element item) throws FeedFormatException {
        try {
            Document single = newBuilder().newDocument();
            Element newRoot = (Element) single.importNode(root, false);
            single.appendChild(newRoot);
            if (channel != null) {
                Element newChannel = (Element) single.importNode(channel, false);
                newRoot.appendChild(newChannel);
                NodeList meta = channel.getChildNodes();
                for (int i = 0; i < meta.getLength(); i++) {
                    if (meta.item(i) instanceof Element e && !"item".equals(e.getLocalName())) {
                        newChannel.appendChild(single.importNode(e, true));
                    }
                }
                Element parent = item.getParentNode() == channel ? newChannel : newRoot;
                parent.appendChild(single.importNode(item, true));
            } else {
                newRoot.appendChild(single.importNode(item, true));
            }
            return newRoot;
        } catch (FeedFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new FeedFormatException("cannot cut out an item: " + e.getMessage(), e);
        }
    }

    private static FeedEntry entry(Element element, String id, String version, String link) throws FeedFormatException {
        byte[] xml = serialise(element);
        // an entry without id or link is still news; its content names it
        String identity = id != null ? id : RecordKeys.contentId(xml);
        return new FeedEntry(identity, version, link, xml);
    }

    private static byte[] serialise(Element element) throws FeedFormatException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(element), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new FeedFormatException("cannot serialise an entry: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    /** Child elements by local name; {@code ns == null} matches RSS's namespace-less elements (and RSS 1.0's). */
    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (ns == null ? !ATOM_NS.equals(e.getNamespaceURI()) && !DC_NS.equals(e.getNamespaceURI()) : ns.equals(e.getNamespaceURI()))) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element firstChild(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String childText(Element parent, String ns, String localName) {
        Element e = firstChild(parent, ns, localName);
        if (e == null) {
            return null;
        }
        String text = e.getTextContent();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null ? a : b;
    }
}
