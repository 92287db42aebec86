package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CSV that Excel and WPS read as written, with no formula smuggled in and names masked where asked. */
class CsvTest {

    @Test
    void fieldsAreQuotedWhereTheyMustBeAndFormulasAreDisarmed() throws Exception {
        StringWriter out = new StringWriter();
        Csv.line(out, Arrays.asList("编号", "含,逗号", "含\"引号\"", "两\n行", "=HYPERLINK(\"x\")", "-1", null, 12));
        assertEquals("编号,\"含,逗号\",\"含\"\"引号\"\"\",\"两\n行\",\"'=HYPERLINK(\"\"x\"\")\",'-1,,12\r\n", out.toString());
    }

    @Test
    void aNameIsMaskedToTheSurname() {
        assertEquals("张*", Csv.maskName("张三"));
        assertEquals("欧**", Csv.maskName("欧阳明"));
        assertEquals("李*", Csv.maskName("李"));
        assertEquals("", Csv.maskName(null));
    }

    @Test
    void theFileStartsWithTheByteOrderMarkExcelNeeds() {
        assertEquals("\uFEFF", Csv.BOM);
        assertEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}.length,
                Csv.BOM.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
