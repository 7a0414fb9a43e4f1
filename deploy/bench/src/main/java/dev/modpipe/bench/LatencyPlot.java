package dev.modpipe.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Draws the latency percentile distributions (Java2D, written with ImageIO): one panel per stage,
 * one curve per load level, percentiles on the x axis spread as HdrHistogram plots do (0, 90, 99,
 * 99.9, 99.99 equally spaced), milliseconds on a logarithmic y axis, targets as dashed lines.
 */
final class LatencyPlot {
    private static final int PANEL_WIDTH = 520;
    private static final int HEIGHT = 520;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final double MAX_X = 4; // 99.99th percentile
    private static final Color[] LEVEL_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728), new Color(0x2ca02c)
    };
    private static final List<String> PANELS =
            List.of(Bench.STAGE_CLASSIFIED, Bench.STAGE_QUEUED, Bench.STAGE_NOTIFIED);
    private static final Map<String, Double> TARGETS = Map.of(
            Bench.STAGE_QUEUED, MarkdownReport.QUEUE_P99_TARGET_MS,
            Bench.STAGE_NOTIFIED, MarkdownReport.CRISIS_P99_TARGET_MS);

    private LatencyPlot() {}

    static void write(Results.Run run, Path file) throws IOException {
        ImageIO.write(draw(run), "png", file.toFile());
    }

    static BufferedImage draw(Results.Run run) {
        int width = PANEL_WIDTH * PANELS.size();
        BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(
                    "Latency by percentile at "
                            + run.curves().stream()
                                    .map(Results.Curve::fraction)
                                    .distinct()
                                    .sorted()
                                    .map(PipelineBenchmark::percent)
                                    .collect(Collectors.joining(", "))
                            + " of saturation, from ingest's answer ("
                            + run.conditions().cores() + " cores, "
                            + run.conditions().startedAt().substring(0, 10) + ")",
                    LEFT,
                    24);
            List<Double> levels = run.curves().stream()
                    .map(Results.Curve::fraction)
                    .distinct()
                    .sorted()
                    .toList();
            for (int i = 0; i < PANELS.size(); i++) {
                panel(g, run, PANELS.get(i), levels, i * PANEL_WIDTH);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, Results.Run run, String stage, List<Double> levels, int x0) {
        int left = x0 + LEFT;
        int right = x0 + PANEL_WIDTH - RIGHT;
        int top = TOP;
        int bottom = HEIGHT - BOTTOM;
        List<Results.Curve> curves =
                run.curves().stream().filter(c -> c.stage().equals(stage)).toList();
        double maxMs = curves.stream()
                .flatMap(c -> c.points().stream())
                .mapToDouble(p -> p[1])
                .max()
                .orElse(10);
        maxMs = Math.max(maxMs, TARGETS.getOrDefault(stage, 0.0));
        double minMs = curves.stream()
                .flatMap(c -> c.points().stream())
                .mapToDouble(p -> p[1])
                .filter(v -> v > 0)
                .min()
                .orElse(1);
        double logMin = Math.floor(Math.log10(Math.max(0.1, minMs)));
        double logMax = Math.ceil(Math.log10(Math.max(maxMs * 1.05, Math.pow(10, logMin + 1))));

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(stage, left, top - 14);

        // grid and axes
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        Stroke solid = g.getStroke();
        for (double decade = logMin; decade <= logMax; decade++) {
            for (int m = 1; m < 10; m++) {
                double value = Math.log10(m * Math.pow(10, decade));
                if (value > logMax) {
                    break;
                }
                int y = yOf(value, logMin, logMax, top, bottom);
                g.setColor(m == 1 ? new Color(0xcccccc) : new Color(0xeeeeee));
                g.drawLine(left, y, right, y);
                if (m == 1) {
                    String label = label(Math.pow(10, decade));
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(label, left - 6 - fm.stringWidth(label), y + 4);
                }
            }
        }
        String[] xLabels = {"0", "90", "99", "99.9", "99.99"};
        for (int i = 0; i <= 4; i++) {
            int x = xOf(i, left, right);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(xLabels[i], x - fm.stringWidth(xLabels[i]) / 2, bottom + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("percentile", (left + right) / 2 - fm.stringWidth("percentile") / 2, bottom + 34);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(
                "milliseconds (log)", -(top + bottom) / 2 - fm.stringWidth("milliseconds (log)") / 2, x0 + 16);
        rotated.dispose();

        Double target = TARGETS.get(stage);
        if (target != null) {
            int y = yOf(Math.log10(target), logMin, logMax, top, bottom);
            g.setColor(new Color(0x555555));
            g.setStroke(
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(left, y, right, y);
            g.setStroke(solid);
            String text = "target p99 " + label(target) + " ms";
            g.drawString(text, right - fm.stringWidth(text) - 4, y - 4);
        }

        if (curves.isEmpty()) {
            g.setColor(Color.GRAY);
            g.drawString("no samples", (left + right) / 2 - 30, (top + bottom) / 2);
            return;
        }
        g.setStroke(new BasicStroke(2f));
        for (Results.Curve curve : curves) {
            int level = levels.indexOf(curve.fraction());
            g.setColor(LEVEL_COLORS[Math.max(0, level) % LEVEL_COLORS.length]);
            Path2D path = new Path2D.Double();
            boolean first = true;
            for (double[] point : curve.points()) {
                double x = Math.min(MAX_X, Math.log10(1 / Math.max(1e-6, 1 - point[0] / 100)));
                double y = Math.log10(Math.max(Math.pow(10, logMin), point[1]));
                double px = xOf(x, left, right);
                double py = yOf(y, logMin, logMax, top, bottom);
                if (first) {
                    path.moveTo(px, py);
                    first = false;
                } else {
                    path.lineTo(px, py);
                }
            }
            g.draw(path);
        }
        g.setStroke(solid);
        // legend
        int ly = bottom + 52;
        int lx = left;
        for (int i = 0; i < levels.size(); i++) {
            g.setColor(LEVEL_COLORS[i % LEVEL_COLORS.length]);
            g.fillRect(lx, ly - 8, 18, 4);
            g.setColor(Color.BLACK);
            String text = PipelineBenchmark.percent(levels.get(i)) + " of saturation";
            g.drawString(text, lx + 24, ly - 2);
            lx += 24 + fm.stringWidth(text) + 18;
        }
    }

    private static int xOf(double value, int left, int right) {
        return (int) Math.round(left + value / MAX_X * (right - left));
    }

    private static int yOf(double logValue, double logMin, double logMax, int top, int bottom) {
        return (int) Math.round(bottom - (logValue - logMin) / (logMax - logMin) * (bottom - top));
    }

    private static String label(double ms) {
        return ms >= 1 ? String.valueOf((long) ms) : String.valueOf(ms);
    }
}
