package org.exoret.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.exoret.ExoretException;

/**
 * A rendered figure: an RGB image that can be saved as PNG. The image is not shared: accessors copy.
 * Rendering works without a display when the JVM runs with {@code -Djava.awt.headless=true} (the
 * {@code exoret} command sets it).
 */
public final class Figure {

    /** Colour of the first posterior (blue). */
    static final Color COLOR_A = new Color(31, 119, 180);
    /** Colour of the second posterior (red). */
    static final Color COLOR_B = new Color(214, 39, 40);

    private final BufferedImage image;

    Figure(BufferedImage image) {
        this.image = image;
    }

    /** A white canvas with anti-aliasing on. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** @return width in pixels */
    public int width() {
        return image.getWidth();
    }

    /** @return height in pixels */
    public int height() {
        return image.getHeight();
    }

    /** @return a copy of the image */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        copy.setData(image.getData());
        return copy;
    }

    /**
     * @param x column
     * @param y row
     * @return the pixel's RGB value
     */
    public int rgb(int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /**
     * Writes the figure as PNG, creating parent folders.
     *
     * @param png the file
     * @return {@code png}
     */
    public Path save(Path png) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", png.toFile())) {
                throw new ExoretException(ExoretException.Kind.IO, "no PNG writer available for " + png);
            }
            return png;
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
