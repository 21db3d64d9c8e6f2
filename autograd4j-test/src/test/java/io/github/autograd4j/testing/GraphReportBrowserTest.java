package io.github.autograd4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.BackwardStep;
import io.github.autograd4j.Generator;
import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.graph.GraphNode;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.Tanh;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The graph report in a real browser (headless Chromium, one for the class): its stepper clicked
 * through and compared with the engine's own {@code backwardSteps()}, run to a node, back and to
 * the end, search, the table, a NaN in red, collapsed groups, and a screenshot that shows the graph.
 */
class GraphReportBrowserTest {

    /** Where the screenshot goes (the README's is a copy of it). */
    static final Path SCREENSHOT = Path.of("target", "graph-report.png");

    @TempDir
    static Path dir;
    private static WebDriver browser;

    @BeforeAll
    static void startTheBrowser() throws IOException {
        browser = Browser.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A 4-8-3 ReLU net and its cross-entropy on two samples, parameters labelled by their names, as the same seed makes it. */
    static Tensor mlp() {
        Generator.manualSeed(7);
        Module net = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        net.namedParameters().forEach((name, p) -> p.label(name));
        Tensor x = Tensor.randn(2, 4).label("x");
        Tensor y = Tensor.vector(0, 2).label("y");
        return new CrossEntropyLoss().forward(net.forward(x), y).label("loss");
    }

    /** What the engine's pass did at one step, as the page should show it. */
    private record Expected(int node, String upstream, List<List<String>> sent) {
    }

    /** The engine's own steps through a graph built by {@code build}: node id, upstream, and per input sent (id, value, gradient after). */
    private static <N extends Node> List<Expected> engineSteps(Supplier<N> build, java.util.function.Function<N, java.util.Iterator<? extends BackwardStep<N, ?>>> steps) {
        N root = build.get();
        Map<Node, Integer> ids = new IdentityHashMap<>();
        Graph.of(root).nodes().forEach(n -> ids.put(n.node(), n.id()));
        List<Expected> expected = new ArrayList<>();
        java.util.Iterator<? extends BackwardStep<N, ?>> pass = steps.apply(root);
        while (pass.hasNext()) {
            BackwardStep<N, ?> step = pass.next();
            List<List<String>> sent = new ArrayList<>();
            for (int i = 0; i < step.inputs().size(); i++) {
                if (step.contribution(i) != null) {
                    N in = step.inputs().get(i);
                    sent.add(List.of(String.valueOf(ids.get(in)), summary(step.contribution(i)), in.gradSummary()));
                }
            }
            expected.add(new Expected(ids.get(step.node()), summary(step.upstream()), sent));
        }
        return expected;
    }

    private static String summary(Object gradient) {
        return gradient instanceof Tensor t ? t.dataSummary() : Value.constant((Double) gradient).dataSummary();
    }

    private static void open(Graph graph, String name) throws IOException {
        Path file = dir.resolve(name + ".html");
        graph.writeHtml(file);
        browser.get(file.toUri().toString());
        assertEquals("true", browser.findElement(By.tagName("body")).getDomAttribute("data-ready"), "the script ran");
    }

    private static WebElement status() {
        return browser.findElement(By.id("step-status"));
    }

    private static String text(WebElement e) {
        return e.getDomProperty("textContent");
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    /** Clicks "step" once per engine step and checks, after each, the highlighted node and every gradient shown. */
    private static void stepThrough(List<Expected> expected) {
        for (int s = 0; s < expected.size(); s++) {
            click("step");
            Expected e = expected.get(s);
            assertEquals(String.valueOf(s + 1), status().getDomAttribute("data-step"));
            assertEquals(String.valueOf(e.node()), status().getDomAttribute("data-node"), "step " + (s + 1) + ": the node whose rule ran");
            WebElement current = browser.findElement(By.cssSelector("#graph .node.current"));
            assertEquals(String.valueOf(e.node()), current.getDomAttribute("data-id"), "highlighted");
            assertEquals(e.upstream(), text(browser.findElement(By.cssSelector("#step-detail .upstream"))), "step " + (s + 1));
            List<WebElement> sent = browser.findElements(By.cssSelector("#step-detail li.sent"));
            assertEquals(e.sent().size(), sent.size());
            for (int i = 0; i < sent.size(); i++) {
                List<String> want = e.sent().get(i);
                assertEquals(want.get(0), sent.get(i).getDomAttribute("data-to"));
                assertEquals(want.get(1), text(sent.get(i).findElement(By.className("sent-value"))), "step " + (s + 1) + " sent");
                boolean lastToIt = e.sent().subList(i + 1, sent.size()).stream().noneMatch(x -> x.get(0).equals(want.get(0)));
                if (!lastToIt) {
                    continue; // x * x sends to x twice; the engine's gradient is seen once the step is over
                }
                assertEquals(want.get(2), text(sent.get(i).findElement(By.className("sent-after"))), "step " + (s + 1) + " accumulated");
                WebElement receiving = browser.findElement(By.cssSelector("#graph .node[data-id='" + want.get(0) + "']"));
                assertTrue(receiving.getDomAttribute("class").contains("receiving"));
                String pass = text(receiving.findElement(By.className("pass")));
                assertTrue(("pass " + want.get(2)).startsWith(pass.replace("\u2026", "")), pass + " shows " + want.get(2));
            }
        }
    }

    @Test
    void clickingStepShowsTheEnginesStepsOfATensorGraph() throws IOException {
        List<Expected> expected = engineSteps(GraphReportBrowserTest::mlp, loss -> loss.backwardSteps());
        open(Graph.of(mlp()), "mlp");
        assertTrue(text(status()).startsWith("Before the pass: " + expected.size() + " rules to run; the root 'loss' holds the seed 1"),
                text(status()));
        stepThrough(expected);
        assertTrue(text(status()).endsWith("the pass is over"), text(status()));
        assertFalse(browser.findElement(By.id("step")).isEnabled(), "nothing left to step");
    }

    @Test
    void clickingStepShowsTheEnginesStepsOfAValueGraph() throws IOException {
        Supplier<Value> neuron = () -> {
            Value x = Value.of(2.0, "x");
            Value w = Value.of(-3.0, "w");
            return x.mul(w).add(x.mul(x)).add(Value.of(6.8813735870195432, "b")).label("n").tanh().label("o");
        };
        List<Expected> expected = engineSteps(neuron, o -> o.backwardSteps());
        open(Graph.of(neuron.get()), "neuron");
        stepThrough(expected);
    }

    @Test
    void backRunToNodeAndRunToEnd() throws IOException {
        List<Expected> expected = engineSteps(GraphReportBrowserTest::mlp, loss -> loss.backwardSteps());
        Graph graph = Graph.of(mlp());
        open(graph, "mlp-run");
        click("run-to-end");
        assertEquals(String.valueOf(expected.size()), status().getDomAttribute("data-step"));
        click("back");
        assertEquals(String.valueOf(expected.size() - 1), status().getDomAttribute("data-step"));

        GraphNode relu = graph.nodes().stream().filter(n -> n.op().equals("relu")).findFirst().orElseThrow();
        browser.findElement(By.cssSelector("#graph .node[data-id='" + relu.id() + "']")).click();
        click("run-to-node");
        int index = expected.stream().map(Expected::node).toList().indexOf(relu.id());
        assertEquals(String.valueOf(index + 1), status().getDomAttribute("data-step"), "run until the relu's rule has run");
        assertEquals(String.valueOf(relu.id()), status().getDomAttribute("data-node"));
        assertTrue(text(browser.findElement(By.id("details"))).contains("relu#" + relu.id() + " (relu)"), "its details are shown");

        GraphNode weight = graph.find("0.weight");
        browser.findElement(By.cssSelector("#graph .node[data-id='" + weight.id() + "']")).click();
        click("run-to-node");
        int last = 0;
        for (int s = 0; s < expected.size(); s++) {
            if (expected.get(s).sent().stream().anyMatch(x -> x.get(0).equals(String.valueOf(weight.id())))) {
                last = s + 1;
            }
        }
        assertEquals(String.valueOf(last), status().getDomAttribute("data-step"), "a leaf: until its gradient is complete");
    }

    @Test
    void searchAndTheTableView() throws IOException {
        Graph graph = Graph.of(mlp());
        open(graph, "mlp-search");
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("weight");
        assertEquals("2 of " + graph.size() + " nodes", text(browser.findElement(By.id("search-count"))));
        assertEquals(2, browser.findElements(By.cssSelector("#graph .node.match")).size());
        search.sendKeys(Keys.ENTER);
        assertTrue(text(browser.findElement(By.id("details"))).startsWith("0.weight (leaf)"), "Enter selects the first match");
        search.clear();
        search.sendKeys("relu");
        assertEquals("1 of " + graph.size() + " nodes", text(browser.findElement(By.id("search-count"))));

        click("step");
        click("step");
        click("view-table");
        assertTrue(browser.findElement(By.id("graph-view")).getDomProperty("hidden").equals("true"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#node-table tbody tr"));
        assertEquals(graph.size(), rows.size());
        String current = status().getDomAttribute("data-node");
        assertTrue(browser.findElement(By.cssSelector("#node-table tr[data-id='" + current + "']")).getDomAttribute("class")
                .contains("current"), "the table highlights the step too");
        assertEquals("loss", text(rows.get(rows.size() - 1).findElements(By.tagName("td")).get(1)));
    }

    @Test
    void aNaNIsRedWithItsMessageAndAFreedGraphSaysSo() throws IOException {
        Tensor x = Tensor.vector(-1.0, 4.0).requiresGrad(true).label("x");
        Tensor loss = x.sqrt().label("root").sum().label("loss");
        open(Graph.of(loss), "nan");
        WebElement root = browser.findElement(By.cssSelector("#graph .node.anomaly"));
        assertEquals("root \u00b7 sqrt", text(root.findElement(By.className("name"))).replace("\u26a0 ", ""));
        assertEquals("rgb(253, 226, 225)", root.findElement(By.tagName("rect")).getCssValue("fill"), "red");
        root.click();
        assertEquals("value holds 1 NaN of 2 elements, made by sqrt from 'x' = [-1, 4]",
                text(browser.findElement(By.cssSelector("#details .problem"))));

        loss.backward();
        open(Graph.of(loss), "freed");
        assertTrue(text(browser.findElement(By.id("notes"))).contains("was freed by a backward pass that did not retain it"));
        assertTrue(text(status()).startsWith("No stepper: the stepper needs the graph"), text(status()));
    }

    @Test
    void aLargeGraphShowsItsLayersCollapsedUntilClicked() throws IOException {
        Generator.manualSeed(1);
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            layers.add(new Linear(6, 6));
            layers.add(new Tanh());
        }
        Module net = new Sequential(layers.toArray(Module[]::new));
        net.namedParameters().forEach((name, p) -> p.label(name));
        Graph graph = Graph.of(net.forward(Tensor.randn(3, 6).label("x")).sum().label("sum"));
        assertTrue(graph.size() > 80, "a graph of " + graph.size() + " nodes");
        open(graph, "deep");
        assertEquals(20, browser.findElements(By.cssSelector("#graph .group")).size(), "one box per Linear layer");
        browser.findElement(By.cssSelector("#graph .group[data-group='0']")).click();
        assertEquals(19, browser.findElements(By.cssSelector("#graph .group")).size());
        assertEquals(4, browser.findElements(By.cssSelector("#graph .node")).stream()
                .filter(e -> text(e.findElement(By.className("name"))).matches("(0\\.weight|0\\.bias|matmul#\\d+|add#\\d+) .*")).count(),
                "layer 0's weight, bias, product and sum");
        click("groups");
        assertEquals(0, browser.findElements(By.cssSelector("#graph .group")).size());
        assertEquals(graph.size(), browser.findElements(By.cssSelector("#graph .node")).size());
    }

    @Test
    void theScreenshotShowsTheGraphDrawn() throws IOException {
        Graph graph = Graph.of(mlp());
        browser.manage().window().setSize(new Dimension(1600, 1000));
        open(graph, "screenshot");
        for (int i = 0; i < 4; i++) {
            click("step");
        }
        browser.findElement(By.cssSelector("#graph .node.current")).click();
        List<WebElement> boxes = browser.findElements(By.cssSelector("#graph .node rect"));
        assertEquals(graph.size(), boxes.size());
        for (WebElement box : boxes) {
            assertTrue(box.isDisplayed() && box.getSize().getWidth() > 60 && box.getSize().getHeight() > 25, "a node is drawn, readable: " + box.getSize());
        }
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1600, image.getWidth());
        int inked = 0;
        int highlighted = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                inked += rgb != 0xffffff ? 1 : 0;
                highlighted += rgb == 0xfff4cc ? 1 : 0; // the current node's fill
            }
        }
        int samples = (image.getWidth() / 2) * (image.getHeight() / 2);
        assertTrue(inked > samples / 10, "not blank: " + inked + " of " + samples + " samples have ink");
        assertTrue(highlighted > 500, "the current node is highlighted: " + highlighted + " samples");
    }
}
