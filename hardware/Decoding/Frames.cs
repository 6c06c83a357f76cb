using OpenCvSharp;

namespace ScanPoint.Hardware.Decoding;

/// <summary>Conversions between OpenCV matrices and <see cref="GreyImage"/>.</summary>
public static class Frames
{
    /// <summary>Copies an 8-bit greyscale (or converts a BGR/BGRA) matrix into a new <see cref="GreyImage"/>.</summary>
    public static GreyImage ToGreyImage(Mat mat)
    {
        ArgumentNullException.ThrowIfNull(mat);
        var image = new GreyImage(mat.Width, mat.Height);
        CopyInto(mat, image);
        return image;
    }

    /// <summary>Copies a matrix of the same size into an existing image (the camera reuses one buffer per frame).</summary>
    public static void CopyInto(Mat mat, GreyImage image)
    {
        ArgumentNullException.ThrowIfNull(mat);
        ArgumentNullException.ThrowIfNull(image);
        if (mat.Width != image.Width || mat.Height != image.Height)
        {
            throw new ArgumentException($"frame is {mat.Width}x{mat.Height}, buffer {image.Width}x{image.Height}", nameof(mat));
        }

        using var grey = mat.Type() == MatType.CV_8UC1 ? null : mat.CvtColor(mat.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY);
        var source = grey ?? mat;
        for (var y = 0; y < image.Height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(source.Ptr(y), image.Pixels, y * image.Stride, image.Width);
        }
    }
}
