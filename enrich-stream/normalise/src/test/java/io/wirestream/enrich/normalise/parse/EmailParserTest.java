package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Stories submitted by e-mail (issue 17); every message is invented for the test. */
class EmailParserTest {

    @Test
    void aPlainTextMessageTakesItsHeadlineTimeIdAndBylineFromTheHeader() throws NormalisationException {
        Article a = TestItems.one("desk", """
                Return-Path: <marta@example.org>
                From: "Marta Quillen" <marta@example.org>
                To: newsdesk@example.net
                Subject: Fwd: Harbour reopens after repairs
                Date: Tue, 4 Jun 2024 09:30:00 +0200 (CEST)
                Message-ID: <harbour-0604@example.org>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                PORTVALE (Example Press) - The harbour reopened on Tuesday after three weeks of repairs
                to the northern quay.

                Fishing boats were the first to leave.

                --\040
                Marta Quillen, harbour correspondent
                +00 000 000
                """);
        assertThat(a.getSourceFormat()).isEqualTo("email");
        assertThat(a.getHeadline()).isEqualTo("Harbour reopens after repairs");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-06-04T07:30:00Z"));
        assertThat(a.getUri()).isEqualTo("urn:wirestream:desk:harbour-0604@example.org");
        assertThat(a.getByline()).isEqualTo("Marta Quillen");
        assertThat(a.getSourceIds()).extracting("value").contains("marta@example.org");
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The harbour reopened on Tuesday after three weeks of repairs to the northern quay.",
                "Fishing boats were the first to leave.");
    }

    @Test
    void multipartTakesTheTextPartAndDecodesQuotedPrintableInItsCharset() throws NormalisationException {
        byte[] mail = ("""
                From: desk@example.org
                Subject: =?iso-8859-1?Q?F=E6rgen_sejler_igen?=
                Date: Mon, 3 Jun 2024 08:15:00 +0000
                Message-ID: <f1@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                This is a multi-part message in MIME format.
                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                F=E6rgen til =F8erne sejler igen fra mandag, oplyser havnen, og billetterne g=
                =E6lder fortsat.
                --inner
                Content-Type: text/html; charset=utf-8

                <p>HTML version, not read</p>
                --inner--
                --outer
                Content-Type: application/pdf; name="timetable.pdf"
                Content-Disposition: attachment; filename="timetable.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer--
                """).getBytes(StandardCharsets.ISO_8859_1);
        Article a = TestItems.one("desk", mail);
        assertThat(a.getHeadline()).isEqualTo("Færgen sejler igen");
        assertThat(a.getBodyParagraphs()).containsExactly(
                "Færgen til øerne sejler igen fra mandag, oplyser havnen, og billetterne gælder fortsat.");
    }

    @Test
    void aBase64JsonPartIsReadAsNinjsAndTheHeaderOnlyFillsGaps() throws NormalisationException {
        String ninjs = """
                {"uri": "urn:example:story:77", "type": "text", "headline": "Bridge to close for a week",
                 "byline": "Ana Prado", "body_text": "The bridge closes on Monday.\\n\\nA ferry will run instead."}""";
        String b64 = Base64.getMimeEncoder().encodeToString(ninjs.getBytes(StandardCharsets.UTF_8));
        Article a = TestItems.one("desk", """
                From: Submissions <submit@example.org>
                Subject: story submission
                Date: Wed, 5 Jun 2024 12:00:00 GMT
                Message-ID: <sub-77@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b1

                --b1
                Content-Type: text/plain

                Please find the story attached.
                --b1
                Content-Type: application/json
                Content-Disposition: attachment; filename=story.json
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(b64));
        assertThat(a.getHeadline()).isEqualTo("Bridge to close for a week");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:desk:urn:example:story:77");
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getBodyParagraphs()).containsExactly("The bridge closes on Monday.", "A ferry will run instead.");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-06-05T12:00:00Z"));
    }

    @Test
    void aFormSubmissionIsReadByItsFieldNames() throws NormalisationException {
        Article a = TestItems.one("desk", """
                From: web-form@example.org
                Subject: New submission
                Date: Thu, 6 Jun 2024 14:00:00 +0000
                Message-ID: <form-12@example.org>
                Content-Type: application/x-www-form-urlencoded; charset=utf-8

                headline=Library+reopens+its+reading+room&byline=Jo%20Smith&body=The+reading+room+reopened+on+Thursday.%0A%0AVisitors+queued+from+nine.&keywords=library%2Ctown
                """);
        assertThat(a.getHeadline()).isEqualTo("Library reopens its reading room");
        assertThat(a.getByline()).isEqualTo("Jo Smith");
        assertThat(a.getBodyParagraphs()).containsExactly("The reading room reopened on Thursday.",
                "Visitors queued from nine.");
        assertThat(a.getKeywords()).contains("library", "town");
    }

    @Test
    void hostileMessagesAreRefusedWithinTheirLimits() {
        StringBuilder deep = new StringBuilder("From: a@example.org\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i <= 20; i++) {
            deep.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
        }
        assertThat(TestItems.refusal("desk", deep.toString()).reason()).isEqualTo("malformed-email");

        StringBuilder many = new StringBuilder("From: a@example.org\nSubject: many\nContent-Type: multipart/mixed; boundary=x\n\n");
        for (int i = 0; i < 500; i++) {
            many.append("--x\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        assertThat(TestItems.refusal("desk", many.toString()).reason()).isEqualTo("malformed-email");

        assertThat(TestItems.refusal("desk", "From: a@example.org\nSubject: no boundary\n"
                + "Content-Type: multipart/mixed\n\nbody\n").reason()).isEqualTo("malformed-email");
    }

    @Test
    void transferEncodingsAndEncodedWordsDecode() {
        assertThat(new String(MailMessage.quotedPrintable("a=3Db=\r\nc=\nd = e"), StandardCharsets.ISO_8859_1))
                .isEqualTo("a=bcd = e");
        assertThat(MailMessage.decodeWords("=?utf-8?B?Q2Fmw6k=?= =?utf-8?Q?_au_port?=")).isEqualTo("Café au port");
        assertThat(EmailParser.displayName("jane@example.org (Jane Doe)")).isEqualTo("Jane Doe");
        assertThat(EmailParser.displayName("jane@example.org")).isNull();
    }
}
