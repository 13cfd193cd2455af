package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeError;
import java.util.List;
import java.util.Optional;

/**
 * A whole capture read into memory, including what went wrong at its end (see {@link CaptureFiles#load}).
 *
 * @param format file format
 * @param interfaces every interface described in the file
 * @param frames the frames before the end or before the first damaged record
 * @param trailingError why reading stopped early, if it did
 */
public record CaptureContents(
    CaptureFormat format,
    List<CaptureInterface> interfaces,
    List<CapturedFrame> frames,
    Optional<DecodeError> trailingError) {}
