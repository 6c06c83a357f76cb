// Second-chance copies of a still image for zxing-cpp when its own passes find nothing (measured by the decode
// benchmark: blur, noise and low contrast that zxing-cpp 1.4 alone cannot read): a min-max stretch with an unsharp
// mask (2·image − Gaussian σ 2 px), and a separable 5-tap median. Plain C++ so the Pi needs no OpenCV. Output rows
// are packed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {
int clampIndex(int i, int n) { return i < 0 ? 0 : i >= n ? n - 1 : i; }

uint8_t clampByte(float v) { return static_cast<uint8_t>(v < 0.f ? 0.f : v > 255.f ? 255.f : v + 0.5f); }
}

extern "C" {

// dst (width*height bytes) = stretch(src) sharpened by 2·s − gauss(s, σ = 2 px).
void sp_img_sharpen(const uint8_t* src, int width, int height, int stride, uint8_t* dst)
{
    uint8_t lo = 255, hi = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const uint8_t v = src[y * stride + x];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    const float scale = hi > lo ? 255.f / static_cast<float>(hi - lo) : 1.f;
    std::vector<float> stretched(static_cast<size_t>(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            stretched[static_cast<size_t>(y) * width + x] = static_cast<float>(src[y * stride + x] - lo) * scale;

    constexpr int radius = 6; // 3σ
    float kernel[2 * radius + 1];
    float sum = 0.f;
    for (int i = -radius; i <= radius; ++i)
        sum += kernel[i + radius] = std::exp(-static_cast<float>(i * i) / 8.f); // 2σ² = 8
    for (float& k : kernel)
        k /= sum;

    std::vector<float> across(stretched.size());
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float acc = 0.f;
            for (int i = -radius; i <= radius; ++i)
                acc += kernel[i + radius] * stretched[static_cast<size_t>(y) * width + clampIndex(x + i, width)];
            across[static_cast<size_t>(y) * width + x] = acc;
        }
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float blurred = 0.f;
            for (int i = -radius; i <= radius; ++i)
                blurred += kernel[i + radius] * across[static_cast<size_t>(clampIndex(y + i, height)) * width + x];
            const size_t at = static_cast<size_t>(y) * width + x;
            dst[at] = clampByte(2.f * stretched[at] - blurred);
        }
}

// dst (width*height bytes) = separable 5-tap median of src (rows, then columns), edges replicated: close to a 5×5
// median against sensor noise at a fraction of its cost.
void sp_img_median5(const uint8_t* src, int width, int height, int stride, uint8_t* dst)
{
    std::vector<uint8_t> rows(static_cast<size_t>(width) * height);
    uint8_t window[5];
    for (int y = 0; y < height; ++y) {
        const uint8_t* row = src + static_cast<size_t>(y) * stride;
        for (int x = 0; x < width; ++x) {
            for (int d = -2; d <= 2; ++d)
                window[d + 2] = row[clampIndex(x + d, width)];
            std::nth_element(window, window + 2, window + 5);
            rows[static_cast<size_t>(y) * width + x] = window[2];
        }
    }
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            for (int d = -2; d <= 2; ++d)
                window[d + 2] = rows[static_cast<size_t>(clampIndex(y + d, height)) * width + x];
            std::nth_element(window, window + 2, window + 5);
            dst[static_cast<size_t>(y) * width + x] = window[2];
        }
}
}
