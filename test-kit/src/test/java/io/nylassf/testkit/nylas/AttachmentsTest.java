package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages list their attachments with the documented fields; the download endpoint serves them strictly. */
class AttachmentsTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.rateLimitPerSecond(0));

    private static final byte[] PDF = "%PDF-1.4 quote".getBytes(StandardCharsets.UTF_8);

    private String grant() {
        return nylas.emulator().createGrant("a" + System.nanoTime() + "@acme.test", "google");
    }

    private String messageWithAttachments(String g) {
        return nylas.emulator().addMessage(g, NylasMessage.create().subject("Quote").from("Ada", "ada@acme.test")
                .attachment("att-pdf", "quote.pdf", "application/pdf", PDF)
                .inlineAttachment("att-logo", "logo.png", "image/png", "logo@acme", new byte[]{1, 2, 3})
                .attachment("att-big", "video.mp4", "video/mp4", 4096L)).get("id").asText();
    }

    @Test
    void messagesListTheDocumentedAttachmentFieldsOnly() {
        String g = grant();
        String m = messageWithAttachments(g);
        JsonNode atts = new Api(nylas.emulator()).get("/v3/grants/" + g + "/messages/" + m).data().get("attachments");
        assertEquals(3, atts.size());
        JsonNode pdf = atts.get(0);
        assertEquals("att-pdf", pdf.get("id").asText());
        assertEquals(g, pdf.get("grant_id").asText());
        assertEquals("quote.pdf", pdf.get("filename").asText());
        assertEquals("application/pdf", pdf.get("content_type").asText());
        assertEquals(PDF.length, pdf.get("size").asLong());
        assertFalse(pdf.get("is_inline").asBoolean());
        Set<String> names = new TreeSet<>();
        pdf.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("id", "grant_id", "filename", "content_type", "size", "is_inline"), names,
                "no content or other undocumented field on the message");
        assertTrue(atts.get(1).get("is_inline").asBoolean());
        assertEquals("logo@acme", atts.get(1).get("content_id").asText());
        assertEquals(4096, atts.get(2).get("size").asLong());
    }

    @Test
    void downloadServesTheBytesAsOctetStream() throws Exception {
        String g = grant();
        String m = messageWithAttachments(g);
        var r = Api.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(nylas.emulator().baseUrl()
                        + "/v3/grants/" + g + "/attachments/att-pdf/download?message_id=" + m))
                .header("Authorization", "Bearer " + nylas.emulator().apiKey()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(new String(PDF, StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
        Api.Resp meta = new Api(nylas.emulator()).get("/v3/grants/" + g + "/attachments/att-pdf?message_id=" + m);
        assertEquals(200, meta.status(), meta.body());
        assertEquals("quote.pdf", meta.data().get("filename").asText());
    }

    @Test
    void downloadNeedsTheMessageIdAndKnownIds() {
        String g = grant();
        String m = messageWithAttachments(g);
        Api api = new Api(nylas.emulator());
        Api.Resp noMessage = api.get("/v3/grants/" + g + "/attachments/att-pdf/download");
        assertEquals(400, noMessage.status(), noMessage.body());
        assertTrue(noMessage.errorType().contains("invalid_request"), noMessage.body());
        Api.Resp unknown = api.get("/v3/grants/" + g + "/attachments/att-nope/download?message_id=" + m);
        assertEquals(404, unknown.status());
        assertTrue(unknown.errorType().contains("not_found"), unknown.body());
        Api.Resp otherMessage = api.get("/v3/grants/" + g + "/attachments/att-pdf/download?message_id=other");
        assertEquals(404, otherMessage.status());
    }
}
