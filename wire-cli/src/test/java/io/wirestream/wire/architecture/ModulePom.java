package io.wirestream.wire.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What one module's pom.xml declares: its artifact id, its child modules, and its direct dependencies with scope. */
record ModulePom(String artifactId, List<String> childModules, List<Dependency> dependencies) {

    record Dependency(String groupId, String artifactId, String scope, String type) {
        boolean mainScope() {
            return scope.equals("compile") || scope.equals("runtime");
        }
    }

    boolean isAggregator() {
        return !childModules.isEmpty();
    }

    Set<String> mainDependenciesOn(Set<String> ourModules) {
        Set<String> result = new TreeSet<>();
        for (Dependency d : dependencies) {
            if (d.groupId().equals("io.wirestream") && d.mainScope() && ourModules.contains(d.artifactId())) {
                result.add(d.artifactId());
            }
        }
        return result;
    }

    Set<String> mainExternalDependencies() {
        Set<String> result = new TreeSet<>();
        for (Dependency d : dependencies) {
            if (!d.groupId().equals("io.wirestream") && d.mainScope()) {
                result.add(d.groupId() + ":" + d.artifactId());
            }
        }
        return result;
    }

    /** The folder holding the parent pom, found upwards from where the tests run (the module's folder). */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).artifactId().equals("wirestream-parent")) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no wirestream-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** Every module of the build, by artifact id, following {@code <modules>} from the root. */
    static Map<String, ModulePom> readReactor(Path root) {
        Map<String, ModulePom> all = new LinkedHashMap<>();
        List<Path> todo = new ArrayList<>();
        for (String child : read(root.resolve("pom.xml")).childModules()) {
            todo.add(root.resolve(child));
        }
        while (!todo.isEmpty()) {
            Path dir = todo.remove(0);
            ModulePom pom = read(dir.resolve("pom.xml"));
            all.put(pom.artifactId(), pom);
            for (String child : pom.childModules()) {
                todo.add(dir.resolve(child));
            }
        }
        return all;
    }

    static ModulePom read(Path pomFile) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(Files.newInputStream(pomFile)).getDocumentElement();
            List<String> modules = new ArrayList<>();
            Element modulesElement = child(project, "modules");
            if (modulesElement != null) {
                for (Element m : children(modulesElement, "module")) {
                    modules.add(m.getTextContent().strip());
                }
            }
            List<Dependency> dependencies = new ArrayList<>();
            Element dependenciesElement = child(project, "dependencies");
            if (dependenciesElement != null) {
                for (Element d : children(dependenciesElement, "dependency")) {
                    dependencies.add(new Dependency(text(d, "groupId", ""), text(d, "artifactId", ""),
                            text(d, "scope", "compile"), text(d, "type", "jar")));
                }
            }
            return new ModulePom(text(project, "artifactId", ""), modules, dependencies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pomFile + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String name, String orElse) {
        Element e = child(parent, name);
        return e == null ? orElse : e.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }
}
