// Image files to 8-bit grey for the decode command and tests, without OpenCV (which has no arm64 runtime here):
// PNG, JPEG, BMP and PGM/PPM through stb_image (Debian: libstb-dev, as ZXingReader reads them), WebP through
// libwebp. Bounded: the header is read first and images over maxPixels are refused before any pixel is decoded.
#include <stb/stb_image.h>
#include <webp/decode.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
void fail(char* error, int errorLength, const char* message)
{
    if (error != nullptr && errorLength > 0)
        std::snprintf(error, static_cast<size_t>(errorLength), "%s", message);
}

bool tooLarge(long long width, long long height, long long maxPixels, char* error, int errorLength)
{
    if (width > 0 && height > 0 && width * height <= maxPixels)
        return false;
    char message[128];
    std::snprintf(message, sizeof message, "%lldx%lld is over the limit of %lld pixels", width, height, maxPixels);
    fail(error, errorLength, message);
    return true;
}

uint8_t* webpToGrey(const uint8_t* data, int length, long long maxPixels, int* width, int* height, char* error, int errorLength)
{
    if (!WebPGetInfo(data, static_cast<size_t>(length), width, height)) {
        fail(error, errorLength, "not a readable WebP image");
        return nullptr;
    }
    if (tooLarge(*width, *height, maxPixels, error, errorLength))
        return nullptr;
    uint8_t* rgba = WebPDecodeRGBA(data, static_cast<size_t>(length), width, height);
    if (rgba == nullptr) {
        fail(error, errorLength, "WebP image could not be decoded");
        return nullptr;
    }
    const size_t pixels = static_cast<size_t>(*width) * static_cast<size_t>(*height);
    auto* grey = static_cast<uint8_t*>(std::malloc(pixels));
    if (grey != nullptr) {
        for (size_t i = 0; i < pixels; ++i) {
            const uint8_t* p = rgba + 4 * i;
            grey[i] = static_cast<uint8_t>((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8); // stb_image's luma weights
        }
    } else {
        fail(error, errorLength, "out of memory");
    }
    WebPFree(rgba);
    return grey;
}
}

extern "C" {

// Decodes an encoded image to grey, one byte per pixel, rows packed. Free the result with sp_img_free.
// Returns null (and a message in error) for anything that is not a readable image within the limit.
uint8_t* sp_img_decode(const uint8_t* data, int length, long long maxPixels, int* width, int* height, char* error, int errorLength)
{
    *width = 0;
    *height = 0;
    if (data == nullptr || length <= 0) {
        fail(error, errorLength, "empty file");
        return nullptr;
    }
    if (length >= 12 && std::memcmp(data, "RIFF", 4) == 0 && std::memcmp(data + 8, "WEBP", 4) == 0)
        return webpToGrey(data, length, maxPixels, width, height, error, errorLength);

    int channels = 0;
    if (!stbi_info_from_memory(data, length, width, height, &channels)) {
        fail(error, errorLength, "not a readable PNG, JPEG, WebP, PGM or BMP image");
        return nullptr;
    }
    if (tooLarge(*width, *height, maxPixels, error, errorLength))
        return nullptr;
    uint8_t* grey = stbi_load_from_memory(data, length, width, height, &channels, 1);
    if (grey == nullptr)
        fail(error, errorLength, stbi_failure_reason() != nullptr ? stbi_failure_reason() : "image could not be decoded");
    return grey;
}

void sp_img_free(uint8_t* pixels) { std::free(pixels); } // stb_image and our WebP path both allocate with malloc
}
