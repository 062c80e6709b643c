package io.wirestream.enrich.normalise.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.normalise.model.DraftArticle;
import org.junit.jupiter.api.Test;

class KnownProvidersTest {

    @Test
    void anAgencyIsKnownByItsNamesCodesAndDomains() {
        String[][] cases = {
                {"AAP", "aap"}, {"Australian Associated Press", "aap"}, {"aap.com.au", "aap"},
                {"The Associated Press", "ap"}, {"AP", "ap"}, {"nprov:AP", "ap"}, {"https://apnews.com/article/x", "ap"},
                {"newsroom.ap.org", "ap"}, {"dpa", "dpa"}, {"urn:newsml:dpa.com:20240115:240115-99-000042", "dpa"},
                {"Deutsche Presse-Agentur", "dpa"}, {"Norsk Telegrambyrå", "ntb"}, {"www.ntb.no", "ntb"},
                {"tag:reuters.com,2024:newsml_X1", "reuters"}, {"PA Sport", "pa"}, {"http://tt.se/media/text/1", "tt"},
                {"© 2024 AAP", "aap"}, {"Copyright Ritzau", "ritzau"}, {" (AFP) ", "afp"}, {"STT-FNB", "stt"},
        };
        for (String[] c : cases) {
            assertThat(KnownProviders.key(c[0])).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void anythingElseIsUnknownAndNothingIsGuessedFromAPart() {
        for (String name : new String[] {null, "", "Example Press", "NTB Info", "dpa-AFX Wirtschaftsnachrichten",
                "Jane Doe", "urn:newsml:localhost:2017-08-24:abc", "urn:8d19cf88-b3ab-4972", "https://dpa.example.com/x",
                "apnews.com.example.net", "aapx", "Associated Press Writers' Guild"}) {
            assertThat(KnownProviders.key(name)).as(String.valueOf(name)).isEmpty();
        }
    }

    @Test
    void aNamedFieldIsTakenAsWrittenAndOtherFieldsOnlyWhenTheyNameAKnownAgency() {
        DraftArticle named = new DraftArticle();
        new ProviderChoice().bylineParts("Jane Doe, AP", "by").named("Example Press", "copyright holder")
                .applyTo(named);
        assertThat(named.provider()).isEqualTo("Example Press");
        assertThat(named.providerFrom()).isEqualTo("copyright holder");

        DraftArticle byline = new DraftArticle();
        new ProviderChoice().named(" ", "copyright holder").bylineParts("Von Erika Muster, dpa", "by")
                .ifKnown("urn:newsml:afp.com:1", "uri").applyTo(byline);
        assertThat(byline.provider()).isEqualTo("dpa");
        assertThat(byline.providerFrom()).isEqualTo("by");

        DraftArticle nobody = new DraftArticle();
        new ProviderChoice().bylineParts("Jane Doe and John Roe", "by").ifKnown("urn:uuid:1234", "uri")
                .applyTo(nobody);
        assertThat(nobody.provider()).isNull();
        assertThat(nobody.providerFrom()).isNull();
    }

    @Test
    void aKnownAgencyFromAnotherFieldDoesNotReplaceOneTheDraftHas() {
        DraftArticle d = new DraftArticle();
        d.setProvider("EP", "NITF doc-id regsrc");
        new ProviderChoice().ifKnown("https://www.reuters.com/x", "uri").applyTo(d);
        assertThat(d.provider()).isEqualTo("EP");
        new ProviderChoice().named("Ritzau", "copyright holder").applyTo(d);
        assertThat(d.provider()).isEqualTo("Ritzau");
    }
}
