using OpenCvSharp;

namespace ScanPoint.QrCorpus;

/// <summary>The image operations behind <see cref="QrCorpusGenerator"/>; all randomness comes from the given <see cref="Random"/>.</summary>
internal sealed class QrDistortions(Random random)
{
    private const int Margin = 48;

    /// <summary>The paper on a background with a margin on every side.</summary>
    public Mat Lay(Mat paper, Scalar background)
    {
        var canvas = new Mat(paper.Rows + (2 * Margin), paper.Cols + (2 * Margin), MatType.CV_8UC1, background);
        using var target = new Mat(canvas, new Rect(Margin, Margin, paper.Cols, paper.Rows));
        paper.CopyTo(target);
        return canvas;
    }

    /// <summary>Turned by <paramref name="degrees"/> clockwise about its centre on a canvas that holds every angle.</summary>
    public Mat Rotate(Mat paper, double degrees, Scalar background)
    {
        if (degrees % 90 == 0)
        {
            using var laid = Lay(paper, background);
            var turns = ((int)(degrees / 90) % 4 + 4) % 4;
            if (turns == 0)
            {
                return laid.Clone();
            }

            var turned = new Mat();
            Cv2.Rotate(laid, turned, turns switch { 1 => RotateFlags.Rotate90Clockwise, 2 => RotateFlags.Rotate180, _ => RotateFlags.Rotate90Counterclockwise });
            return turned;
        }

        var side = (int)Math.Ceiling(paper.Cols * Math.Sqrt(2)) + (2 * Margin);
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f(paper.Cols / 2f, paper.Rows / 2f), -degrees, 1.0);
        matrix.Set(0, 2, matrix.At<double>(0, 2) + ((side - paper.Cols) / 2.0));
        matrix.Set(1, 2, matrix.At<double>(1, 2) + ((side - paper.Rows) / 2.0));
        var canvas = new Mat();
        Cv2.WarpAffine(paper, canvas, matrix, new Size(side, side), InterpolationFlags.Linear, BorderTypes.Constant, background);
        return canvas;
    }

    /// <summary>A perspective view: each corner moved inward by up to <paramref name="share"/> of the side.</summary>
    public Mat Tilt(Mat paper, double share, Scalar background)
    {
        float w = paper.Cols, h = paper.Rows;
        Point2f[] from = [new(0, 0), new(w, 0), new(w, h), new(0, h)];
        var to = new Point2f[4];
        for (var i = 0; i < 4; i++)
        {
            var dx = (float)(share * w * (0.3 + (0.7 * random.NextDouble())));
            var dy = (float)(share * h * 0.3 * random.NextDouble());
            to[i] = new Point2f(from[i].X + Margin + (from[i].X == 0 ? dx : -dx), from[i].Y + Margin + (from[i].Y == 0 ? dy : -dy));
        }

        using var matrix = Cv2.GetPerspectiveTransform(from, to);
        var canvas = new Mat();
        Cv2.WarpPerspective(paper, canvas, matrix, new Size(paper.Cols + (2 * Margin), paper.Rows + (2 * Margin)), InterpolationFlags.Linear, BorderTypes.Constant, background);
        return canvas;
    }

    public Mat Blur(Mat image, double sigma) => image.GaussianBlur(new Size(0, 0), sigma);

    /// <summary>Gaussian sensor noise with the given σ in grey levels (Box–Muller from the seeded generator).</summary>
    public Mat Noise(Mat image, double sigma) => Map(image, (_, _, v) => v + (sigma * Gaussian()));

    /// <summary>Squeezed to <paramref name="contrast"/> of the full range around a random mid grey; optionally inverted.</summary>
    public Mat Contrast(Mat image, double contrast, bool inverted)
    {
        var mid = inverted ? 128 : random.Next(90, 170);
        var sign = inverted ? -1 : 1;
        return Map(image, (_, _, v) => mid + (sign * contrast * (v - 127.5)));
    }

    /// <summary>A bright elliptical highlight over part of the code, blending up to <paramref name="peak"/> toward white.</summary>
    public Mat Glare(Mat image, double peak)
    {
        var cx = image.Cols * (0.3 + (0.4 * random.NextDouble()));
        var cy = image.Rows * (0.3 + (0.4 * random.NextDouble()));
        var ax = image.Cols * (0.15 + (0.15 * random.NextDouble()));
        var ay = image.Rows * (0.1 + (0.1 * random.NextDouble()));
        return Map(image, (x, y, v) =>
        {
            var r = (((x - cx) / ax) * ((x - cx) / ax)) + (((y - cy) / ay) * ((y - cy) / ay));
            return v + ((255 - v) * peak * Math.Exp(-r));
        });
    }

    /// <summary>No code: a grey gradient, random light and dark blocks and strokes (text, edges), then sensor noise.</summary>
    public Mat Texture(int width, int height)
    {
        var frame = new Mat(height, width, MatType.CV_8UC1, new Scalar(random.Next(60, 200)));
        for (var i = 0; i < 40; i++)
        {
            var rect = new Rect(random.Next(width), random.Next(height), random.Next(4, width / 4), random.Next(4, height / 4));
            frame.Rectangle(rect, new Scalar(random.Next(256)), random.Next(2) == 0 ? -1 : random.Next(1, 4));
        }

        for (var i = 0; i < 60; i++)
        {
            frame.Line(new Point(random.Next(width), random.Next(height)), new Point(random.Next(width), random.Next(height)), new Scalar(random.Next(256)), random.Next(1, 3));
        }

        using (frame)
        {
            using var soft = frame.GaussianBlur(new Size(0, 0), 1.2);
            return Noise(soft, 12);
        }
    }

    private Mat Map(Mat image, Func<int, int, double, double> pixel)
    {
        image.GetArray(out byte[] data);
        var (width, height) = (image.Cols, image.Rows);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                data[i] = (byte)Math.Clamp(Math.Round(pixel(x, y, data[i])), 0, 255);
            }
        }

        var result = new Mat(height, width, MatType.CV_8UC1);
        result.SetArray(data);
        return result;
    }

    private double Gaussian()
    {
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
