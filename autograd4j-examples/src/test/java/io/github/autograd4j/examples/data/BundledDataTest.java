package io.github.autograd4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledDataTest {

    @Test
    void theShippedSetsHaveTheirDocumentedSizes() throws Exception {
        LabelledData iris = BundledData.iris();
        assertEquals(150, iris.size());
        assertEquals(4, iris.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        LabelledData digits = BundledData.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.featureCount());
        assertEquals(10, digits.classCount());
        assertEquals(16.0, IntStream.range(0, digits.size()).mapToDouble(i -> Arrays.stream(digits.row(i)).max().orElseThrow()).max().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2,4,a,b\\n5.1,3.5,1.4,0.2,0\\n4.9,3.0,1.4,0.2                 | iris.csv line 3: expected 5 comma-separated values, found 4: '4.9,3.0,1.4,0.2'",
        "2,4,a,b\\n5.1,3.5,1.4,0.2,0\\n4.9,x,1.4,0.2,1                 | iris.csv line 3, column 2: 'x' is not a finite number",
        "2,4,a,b\\n5.1,3.5,1.4,0.2,2                                    | iris.csv line 2: the label (last value) is 2.0, not a class in 0..1",
        "2,4,a,b\\n5.1,3.5,1.4,0.2,1                                    | iris.csv: the header announces 2 rows but 1 follow",
        "two,4,a,b                                                     | iris.csv line 1: header field 1 is 'two'; expected a positive count ('rows,features,class names...')",
        "2,4                                                           | iris.csv line 1: the header names no classes after the counts"})
    void malformedIrisLinesAreNamed(String text, String message) {
        BufferedReader in = new BufferedReader(new StringReader(text.trim().replace("\\n", "\n")));
        assertEquals(message, assertThrows(DataFormatException.class, () -> BundledData.parseIris(in, "iris.csv")).getMessage());
    }

    @Test
    void digitsPixelsMustBeCountsUpTo16() {
        String row = "0,".repeat(63) + "17,3";
        BufferedReader in = new BufferedReader(new StringReader(row));
        assertEquals("digits.csv line 1: pixel 64 is 17.0, not a whole number in 0..16",
                assertThrows(DataFormatException.class, () -> BundledData.parseDigits(in, "digits.csv")).getMessage());
    }
}
