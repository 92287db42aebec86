package org.xinfang.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * A petition as received, before registration gives it an id and codes. Validated on
 * construction; a {@link ValidationException} names the field at fault.
 *
 * @param kind what the matter is (required)
 * @param channel how it arrived (required)
 * @param subject a one-line summary (required, at most 200 characters)
 * @param content the request and its facts as given (required, at most 20,000 characters)
 * @param category the subject area, e.g. 劳动社保 (optional)
 * @param location GB/T 2260 code of where the matter arose (optional)
 * @param receivedAt the day the office received the matter; the statutory clocks start from it.
 *     Null means today; whether it lies in the future is checked at registration, against the
 *     node's clock
 * @param headcount how many people came or signed; defaults to the number of petitioners
 * @param petitioners the petitioners or, for several people, their elected representatives
 *     (at least one, at most {@value #MAX_REPRESENTATIVES})
 */
public record PetitionDraft(Kind kind, Channel channel, String subject, String content, String category,
        String location, LocalDate receivedAt, Integer headcount, List<Petitioner> petitioners) {

    /** R2022 Art. 20: several people with a common matter elect representatives, at most five. */
    public static final int MAX_REPRESENTATIVES = 5;
    /** A bound on the people counted for one matter, to catch typing errors. */
    public static final int MAX_HEADCOUNT = 100_000;

    public PetitionDraft {
        Checks.required("kind", kind);
        Checks.required("channel", channel);
        subject = Checks.text("subject", subject, 200);
        content = Checks.text("content", content, 20_000);
        category = Checks.optionalText("category", category, 50);
        location = location == null || location.isBlank() ? null : DivisionCodes.validate("location", location);
        if (receivedAt != null && receivedAt.isBefore(LocalDate.of(2000, 1, 1))) {
            throw new ValidationException("receivedAt", "out_of_range",
                    "收到日期不能早于2000年 / must not be before 2000-01-01");
        }
        if (petitioners == null || petitioners.isEmpty()) {
            throw new ValidationException("petitioners", "required",
                    "至少需要一名信访人 / at least one petitioner is required");
        }
        if (petitioners.size() > MAX_REPRESENTATIVES) {
            throw new ValidationException("petitioners", "too_many_representatives",
                    "多人提出共同信访事项的，应推选代表，代表人数不超过5人（《信访工作条例》第二十条）"
                            + " / several people must elect at most 5 representatives (R2022 Art. 20)");
        }
        for (int i = 0; i < petitioners.size(); i++) {
            if (petitioners.get(i) == null) {
                throw new ValidationException("petitioners[" + i + "]", "required", "信访人不能为空 / must not be null");
            }
        }
        petitioners = List.copyOf(petitioners);
        if (headcount == null) {
            headcount = petitioners.size();
        }
        if (headcount < petitioners.size() || headcount > MAX_HEADCOUNT) {
            throw new ValidationException("headcount", "out_of_range",
                    "人数应不少于信访人（代表）人数且不超过" + MAX_HEADCOUNT
                            + " / must be at least the number of petitioners and at most " + MAX_HEADCOUNT);
        }
    }
}
