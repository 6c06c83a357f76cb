// A small C ABI over zxing-cpp 1.4 (Debian's libzxing-dev ships a C++ API only), called from ZxingNative.cs.
// Every entry point catches everything: a C++ exception must never cross into the .NET runtime.
#define ZX_USE_UTF8 1 // text() and ecLevel() as UTF-8 std::string
#include <ZXing/ReadBarcode.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace {
struct Code {
    std::string text;
    std::vector<uint8_t> bytes;
    std::string ecLevel;
    int format;
    int contentType;
    int hasEci;
    int corners[8];
};

struct Results {
    std::vector<Code> codes;
    std::string error;
};
}

extern "C" {

// Flags for sp_zx_read.
enum { SP_ZX_TRY_HARDER = 1, SP_ZX_TRY_ROTATE = 2, SP_ZX_TRY_DOWNSCALE = 4, SP_ZX_PURE = 8, SP_ZX_GLOBAL_BINARIZER = 16 };

int sp_zx_version(void) { return 1; }

// Reads QR codes from an 8-bit luminance image. Returns a handle (free with sp_zx_free), or null when out of memory.
void* sp_zx_read(const uint8_t* pixels, int width, int height, int stride, int flags, int maxSymbols)
{
    auto* results = new (std::nothrow) Results();
    if (results == nullptr)
        return nullptr;
    try {
        ZXing::ImageView image(pixels, width, height, ZXing::ImageFormat::Lum, stride);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        hints.setTryHarder((flags & SP_ZX_TRY_HARDER) != 0);
        hints.setTryRotate((flags & SP_ZX_TRY_ROTATE) != 0);
        hints.setTryDownscale((flags & SP_ZX_TRY_DOWNSCALE) != 0);
        hints.setIsPure((flags & SP_ZX_PURE) != 0);
        hints.setBinarizer((flags & SP_ZX_GLOBAL_BINARIZER) != 0 ? ZXing::Binarizer::GlobalHistogram : ZXing::Binarizer::LocalAverage);
        hints.setMaxNumberOfSymbols(static_cast<uint8_t>(maxSymbols < 1 ? 1 : maxSymbols > 255 ? 255 : maxSymbols));
        for (const auto& r : ZXing::ReadBarcodes(image, hints)) {
            if (!r.isValid())
                continue;
            Code code;
            code.text = r.text();
            code.bytes.assign(r.bytes().begin(), r.bytes().end());
            code.ecLevel = r.ecLevel();
            code.format = static_cast<int>(r.format());
            code.contentType = static_cast<int>(r.contentType());
            code.hasEci = r.hasECI() ? 1 : 0;
            const auto& p = r.position();
            for (int i = 0; i < 4; ++i) {
                code.corners[2 * i] = p[i].x;
                code.corners[2 * i + 1] = p[i].y;
            }
            results->codes.push_back(std::move(code));
        }
    } catch (const std::exception& e) {
        results->codes.clear();
        results->error = e.what();
    } catch (...) {
        results->codes.clear();
        results->error = "unknown zxing-cpp failure";
    }
    return results;
}

int sp_zx_count(const void* handle) { return static_cast<int>(static_cast<const Results*>(handle)->codes.size()); }

const char* sp_zx_error(const void* handle) { return static_cast<const Results*>(handle)->error.c_str(); }

const char* sp_zx_text(const void* handle, int i, int* length)
{
    const auto& c = static_cast<const Results*>(handle)->codes[i];
    *length = static_cast<int>(c.text.size());
    return c.text.data();
}

const uint8_t* sp_zx_bytes(const void* handle, int i, int* length)
{
    const auto& c = static_cast<const Results*>(handle)->codes[i];
    *length = static_cast<int>(c.bytes.size());
    return c.bytes.data();
}

const char* sp_zx_ec_level(const void* handle, int i) { return static_cast<const Results*>(handle)->codes[i].ecLevel.c_str(); }

int sp_zx_content_type(const void* handle, int i) { return static_cast<const Results*>(handle)->codes[i].contentType; }

int sp_zx_has_eci(const void* handle, int i) { return static_cast<const Results*>(handle)->codes[i].hasEci; }

void sp_zx_corners(const void* handle, int i, int* xy8)
{
    std::memcpy(xy8, static_cast<const Results*>(handle)->codes[i].corners, sizeof(int) * 8);
}

void sp_zx_free(void* handle) { delete static_cast<Results*>(handle); }
}
