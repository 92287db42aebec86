package shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Petitions as a clerk registers them over REST (POST /api/v1/petitions). */
public final class Petitions {
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private Petitions() {
    }

    /**
     * SyncIT's petition, but from two new people each time: the same two people filing thousands of
     * cases would measure the repeat-petition lookup (it reads all of a person's cases) rather than sync.
     */
    public static String petition(String subject, String receivedAt) {
        int n = PEOPLE.getAndIncrement();
        return """
                {"kind": "CLAIM", "channel": "WALK_IN", "subject": "%s", "content": "某公司拖欠工资三个月，多次讨要未果。",
                 "category": "劳动社保", "location": "510199", "receivedAt": "%s", "headcount": 12,
                 "petitioners": [{"name": "张三", "idNumber": "%s", "phone": "13812345678",
                                  "address": "柳树村3组"},
                                 {"name": "李四", "idNumber": "%s", "phone": "13900001111"}]}
                """.formatted(subject, receivedAt, idNumber(n, 1), idNumber(n, 2));
    }

    /** A valid resident identity number (GB 11643: region, birth date, sequence, MOD 11-2 check). */
    public static String idNumber(int person, int sequence) {
        String first17 = "510199" + LocalDate.of(1950, 1, 1).plusDays(person % 20000)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence + 2 * (person / 20000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
