package io.wirestream.enrich.normalise.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Small DOM helpers that match elements by local name, so a parser works whatever prefix or namespace version an
 * agency uses. Text helpers return {@code null} instead of blank strings.
 */
public final class Dom {

    private static final java.util.Set<String> VOID = java.util.Set.of(
            "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr");

    private Dom() {}

    public static String local(Node n) {
        String l = n.getLocalName();
        if (l != null) {
            return l;
        }
        String name = n.getNodeName();
        int c = name.indexOf(':');
        return c < 0 ? name : name.substring(c + 1);
    }

    public static Element child(Element parent, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && local.equals(local(n))) {
                return (Element) n;
            }
        }
        return null;
    }

    public static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && (local == null || local.equals(local(n)))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent) {
        return children(parent, null);
    }

    /** First descendant (depth-first, document order) with the local name, or {@code null}. */
    public static Element descendant(Element root, String local) {
        if (root == null) {
            return null;
        }
        NodeList all = root.getElementsByTagNameNS("*", local);
        if (all.getLength() > 0) {
            return (Element) all.item(0);
        }
        NodeList plain = root.getElementsByTagName(local);
        return plain.getLength() > 0 ? (Element) plain.item(0) : null;
    }

    public static List<Element> descendants(Element root, String local) {
        List<Element> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        NodeList all = root.getElementsByTagNameNS("*", local);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    /** Text content, trimmed; {@code null} when absent or blank. */
    public static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        return t == null || t.isBlank() ? null : t.trim();
    }

    public static String childText(Element parent, String local) {
        return text(child(parent, local));
    }

    /** Attribute value (by local name, any namespace), trimmed; {@code null} when absent or blank. */
    public static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.getAttribute(name);
        if (v == null || v.isBlank()) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                if (name.equals(local(a)) && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    v = a.getNodeValue();
                    break;
                }
            }
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** xml:lang of the element or its nearest ancestor. */
    public static String lang(Element e) {
        for (Node n = e; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            String v = ((Element) n).getAttributeNS(XMLConstants.XML_NS_URI, "lang");
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** Serialises the children of an element as markup (for handing inline XHTML or NITF to jsoup). */
    public static String innerMarkup(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, sb);
        }
        return sb.toString();
    }

    private static void write(Node n, StringBuilder sb) {
        switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                String name = local(n);
                sb.append('<').append(name);
                NamedNodeMap attrs = n.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Node a = attrs.item(i);
                    String an = a.getNodeName();
                    if (an.startsWith("xmlns")) {
                        continue;
                    }
                    sb.append(' ').append(local(a)).append("=\"").append(escape(a.getNodeValue(), true)).append('"');
                }
                if (n.getFirstChild() == null && VOID.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    sb.append("/>"); // "<br></br>" would read as two line breaks in HTML
                    return;
                }
                sb.append('>');
                for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    write(c, sb);
                }
                sb.append("</").append(name).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(escape(n.getNodeValue(), false));
            case Node.ENTITY_REFERENCE_NODE -> {
                for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    write(c, sb);
                }
            }
            default -> {
                // comments and processing instructions carry no story text
            }
        }
    }

    private static String escape(String s, boolean attr) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
