package dev.dmvpn.reports.model;

import java.util.Objects;

/**
 * One attachment as written: a display name, its media type, the file name a reader downloads it as, the name of its
 * file in the Allure results directory ({@code source}), and its content (text already masked).
 */
public record AttachmentRecord(String name, String mediaType, String fileName, String source, byte[] content) {
  public AttachmentRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(content, "content");
  }

  /** Whether the content is text (shown as text, and masked for secrets before it was stored). */
  public boolean isText() {
    return MediaTypes.isText(mediaType);
  }
}
