package io.wirestream.quality.tagging;

import io.wirestream.enrich.tagging.ner.ConllDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NerModelEvaluationTest {

    /** Invented documents of different lengths, separated by -DOCSTART- as in CoNLL-2003. */
    static List<ConllDocument> documents(int count) {
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            lines.add("-DOCSTART- -X- -X- O");
            lines.add("");
            for (int s = 0; s <= d % 3; s++) {
                lines.addAll(List.of("Story" + d + " B-ORG", "said O", "in O", "Lundvik B-LOC", ". O", ""));
            }
        }
        return ConllDocument.parse(lines);
    }

    @Test
    void foldsSplitByDocumentAndNeverPutOneDocumentInTwoFolds() {
        List<ConllDocument> documents = documents(23);
        assertThat(documents).hasSize(23);

        List<List<ConllDocument>> folds = NerModelEvaluation.folds(documents, 5);

        assertThat(folds).hasSize(5);
        Map<ConllDocument, Integer> foldOf = new IdentityHashMap<>();
        for (int f = 0; f < folds.size(); f++) {
            for (ConllDocument d : folds.get(f)) {
                assertThat(foldOf.put(d, f)).as("a document in two folds").isNull();
            }
        }
        assertThat(foldOf).hasSize(documents.size());
        documents.forEach(d -> assertThat(foldOf).containsKey(d));
        // every sentence of a document stays with it: the folds hold all sentences, each document's whole
        assertThat(folds.stream().flatMap(List::stream).mapToInt(d -> d.sentences().size()).sum())
                .isEqualTo(documents.stream().mapToInt(d -> d.sentences().size()).sum());
        List<Integer> sizes = new ArrayList<>(folds.stream().map(List::size).toList());
        assertThat(Collections.max(sizes) - Collections.min(sizes)).isLessThanOrEqualTo(1);
    }

    @Test
    void refusesFoldCountsThatCannotHoldOutADocument() {
        assertThatThrownBy(() -> NerModelEvaluation.folds(documents(3), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NerModelEvaluation.folds(documents(3), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
