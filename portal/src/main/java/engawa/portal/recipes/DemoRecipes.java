package engawa.portal.recipes;

import engawa.db.recipes.RecipeHealth;
import engawa.db.recipes.RecipeRow;
import engawa.db.recipes.RecipeRuns;
import engawa.db.recipes.RecipeRuns.NewRun;
import engawa.db.recipes.Recipes;
import engawa.db.recipes.RunStatus;
import engawa.portal.shared.DemoData;
import engawa.portal.people.PeopleDirectory;
import engawa.portal.people.Person;
import engawa.portal.shared.PublicUrl;
import engawa.portal.shared.TimeOrderedIds;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo recipes in English and Japanese, run against the built-in echo workflow so that Run works
 * on a fresh start with no account anywhere; one is broken (its workflow always fails), one is a
 * draft. A few weeks of past runs give the gallery its "used" counts and Home its time saved.
 */
@Component
@Order(20)
class DemoRecipes implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoRecipes.class);
    private static final List<String> DEMO_RUNNERS = List.of("kenji", "hana", "yuki", "sam");

    private final RecipeService recipes;
    private final Recipes store;
    private final RecipeRuns runs;
    private final PeopleDirectory people;
    private final PublicUrl publicUrl;
    private final Clock clock;

    DemoRecipes(RecipeService recipes, Recipes store, RecipeRuns runs, PeopleDirectory people, PublicUrl publicUrl,
            Clock clock) {
        this.recipes = recipes;
        this.store = store;
        this.runs = runs;
        this.people = people;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    private static RecipeInput text(String key, String label, String labelJa, boolean required, String defaultValue,
            String help, String helpJa) {
        return new RecipeInput(key, "text", label, labelJa, help, helpJa, required, defaultValue, null, List.of());
    }

    private static RecipeInput of(String kind, String key, String label, String labelJa, boolean required, String help,
            String helpJa, List<String> choices) {
        return new RecipeInput(key, kind, label, labelJa, help, helpJa, required, null, null, choices);
    }

    /** A required date with an owner-chosen default day and what a plausible day is. */
    private static RecipeInput dateOf(String key, String label, String labelJa, String defaultDay, InputLimits limits) {
        return new RecipeInput(key, "date", label, labelJa, null, null, true, defaultDay, null, List.of(), limits);
    }

    @Override
    public void load() {
        String echo = publicUrl.of(EchoWorkflow.PATH);
        List<RecipeDraft> drafts = List.of(
                new RecipeDraft("weekly-report-to-chat", "sre", "reports", List.of("chat", "report"),
                        "Post the weekly report to a chat channel", "週次レポートをチャットに投稿する",
                        "Write three lines; the team channel gets a tidy weekly report every Friday.",
                        "3行書くだけで、整った週次レポートがチームのチャンネルに届きます。",
                        """
                        1. Pick the channel your team reads.
                        2. Write the **highlights** of the week, one per line.
                        3. Press **Run**. The report appears in the channel within a minute.

                        Tip: keep it short; people read the first three lines.""",
                        """
                        1. チームが読んでいるチャンネルを選びます。
                        2. 今週の**ハイライト**を1行に1つずつ書きます。
                        3. **実行**を押すと、1分以内にチャンネルにレポートが届きます。""",
                        List.of(of("choice", "channel", "Channel", "チャンネル", true, null, null,
                                        List.of("#team-updates", "#finance", "#general")),
                                of("long-text", "highlights", "Highlights of the week", "今週のハイライト", true,
                                        "One per line.", "1行に1つ。", List.of())),
                        20, true, 15, true, 7, echo, false),
                new RecipeDraft("form-to-spreadsheet-row", "finance-ops", "spreadsheets", List.of("sheet", "form"),
                        "Add a spreadsheet row from a form", "フォームの回答をスプレッドシートに1行追加する",
                        "Fill in the form; the row lands in the team sheet, dated and with your name.",
                        "フォームに記入すると、日付と名前付きでチームのシートに1行追加されます。",
                        "1. Choose the sheet.\n2. Fill in the item and the amount.\n3. Press **Run**; the row is added at the bottom.",
                        "1. シートを選びます。\n2. 項目と金額を記入します。\n3. **実行**を押すと、最下行に追加されます。",
                        List.of(of("choice", "sheet", "Sheet", "シート", true, null, null, List.of("Purchases 2026", "Travel 2026")),
                                text("item", "Item", "項目", true, null, null, null),
                                of("number", "amount", "Amount (yen)", "金額（円）", true, null, null, List.of())),
                        5, true, 15, false, 7, echo + "?fail=true", false),
                new RecipeDraft("request-tool-access", "sre", "access", List.of("access", "tools"),
                        "Request access to a tool", "ツールの利用権限を申請する",
                        "Ask for access to Figma, Salesforce, Tableau or GitHub; the tool's admins get the request with everything they need.",
                        "Figma、Salesforce、Tableau、GitHub の利用権限を申請します。管理者に必要な情報がすべて届きます。",
                        "1. Choose the tool.\n2. Say in one sentence what you need it for.\n3. Press **Run**. You hear back by e-mail, usually the same day.",
                        "1. ツールを選びます。\n2. 何に使うかを一文で書きます。\n3. **実行**を押します。通常その日のうちにメールで返事が来ます。",
                        List.of(of("choice", "tool", "Tool", "ツール", true, null, null, List.of("Figma", "Salesforce", "Tableau", "GitHub")),
                                of("long-text", "reason", "What do you need it for?", "利用目的", true, null, null, List.of()),
                                new RecipeInput("email", "email", "Your e-mail", "メールアドレス", null, null, true, "{me.email}",
                                        null, List.of())),
                        15, true, 15, false, 7, echo, false),
                new RecipeDraft("book-meeting-room", "finance-ops", "meetings", List.of("room", "calendar"),
                        "Book a meeting room", "会議室を予約する",
                        "Pick a room, a day and a time; the booking goes into the room's calendar and yours.",
                        "部屋・日付・時間を選ぶと、会議室とあなたのカレンダーに予約が入ります。",
                        "1. Choose the room and the day.\n2. Give the start time as 14:30.\n3. Press **Run**.",
                        "1. 会議室と日付を選びます。\n2. 開始時刻を 14:30 のように入力します。\n3. **実行**を押します。",
                        List.of(of("choice", "room", "Room", "会議室", true, null, null, List.of("Sakura", "Fuji", "Kaede")),
                                dateOf("day", "Day", "日付", "{today}", new InputLimits(null, null, 0, 90, InputLimits.REFUSE)),
                                new RecipeInput("start", "text", "Start time", "開始時刻", "Like 14:30", "例: 14:30", true, null,
                                        "([01]?[0-9]|2[0-3]):[0-5][0-9]", List.of())),
                        10, true, 15, false, 7, echo, false),
                new RecipeDraft("expense-reminder", "finance-ops", "expenses", List.of("expenses", "reminder"),
                        "Remind my team about expense reports", "経費精算の締め切りをチームにリマインドする",
                        "Everyone in your team gets a friendly reminder of the expense deadline.",
                        "チームの全員に経費精算の締め切りをやさしくリマインドします。",
                        "1. Check the team (yours is filled in).\n2. Pick the deadline.\n3. Press **Run**.",
                        "1. チーム名を確認します（あなたのチームが入っています）。\n2. 締め切り日を選びます。\n3. **実行**を押します。",
                        List.of(text("team", "Team", "チーム", true, "{me.team}", null, null),
                                dateOf("deadline", "Deadline", "締め切り", "{end-of-month}",
                                        InputLimits.notInThePast(InputLimits.REFUSE))),
                        15, true, 15, false, 7, echo, false).withPlainPreview(
                        "Everyone in {team} gets a reminder that expense reports are due {deadline}.",
                        "{team} の全員に、経費精算の締め切り（{deadline}）のリマインドが届きます。"),
                new RecipeDraft("submit-expense-claim", "finance-ops", "expenses", List.of("expenses"),
                        "Submit an expense claim", "経費精算を申請する",
                        "Send a receipt's details for approval without filling in the spreadsheet by hand.",
                        "スプレッドシートに手で書かずに、領収書の内容を承認に回します。",
                        "1. Give the amount and what it was for.\n2. Press **Run**; your manager gets it for approval.",
                        "1. 金額と用途を入力します。\n2. **実行**を押すと、上長に承認依頼が届きます。",
                        List.of(of("number", "amount", "Amount (yen)", "金額（円）", true, null, null, List.of())
                                        .withLimits(InputLimits.between(BigDecimal.ONE, BigDecimal.valueOf(1_000_000),
                                                InputLimits.REFUSE)),
                                text("purpose", "What was it for?", "用途", true, null, null, null),
                                of("checkbox", "receipt", "I have the receipt", "領収書があります", true, null, null, List.of())),
                        10, true, 15, false, 7, echo, false),
                new RecipeDraft("new-joiner-checklist", "sre", "onboarding", List.of("onboarding", "checklist"),
                        "Start a new joiner's checklist", "新入社員のチェックリストを作成する",
                        "Laptop, accounts, buddy and first-week plan: one form starts every task for a new colleague.",
                        "PC、アカウント、バディ、初週の予定。ひとつのフォームで新しい仲間の準備をすべて始めます。",
                        "1. Give the new joiner's name and first day.\n2. Press **Run**; the checklist appears in the team's task board.",
                        "1. 新入社員の名前と初日を入力します。\n2. **実行**を押すと、チームのタスクボードにチェックリストが作られます。",
                        List.of(text("name", "New joiner's name", "新入社員の名前", true, null, null, null),
                                dateOf("first_day", "First day", "初日", "{next-monday}",
                                        InputLimits.notInThePast(InputLimits.WARN)),
                                text("team", "Team", "チーム", true, "{me.team}", null, null),
                                of("checkbox", "laptop", "Needs a laptop", "PCが必要", false, null, null, List.of())),
                        45, false, 15, false, 7, echo, false),
                new RecipeDraft("monthly-invoice-summary", "finance-ops", "reports", List.of("invoices"),
                        "Summarise this month's invoices", "今月の請求書をまとめる",
                        "A draft: one page with this month's invoices by customer.", "下書き：今月の請求書を顧客別に1ページにまとめます。",
                        "Not finished yet.", null, List.of(), 30, true, 15, false, 7, null, false));
        // who pressed Run in the demo's past: the demo people, not the admin
        List<Long> people = DEMO_RUNNERS.stream().map(this.people::person).flatMap(Optional::stream).map(Person::id).toList();
        Random random = new Random(20261203L);
        Instant now = clock.instant();
        for (RecipeDraft draft : drafts) {
            recipes.create(draft);
            if (!draft.slug().equals("monthly-invoice-summary")) {
                recipes.publish(draft.slug());
                history(store.find(draft.slug()).orElseThrow(), people, random, now);
            }
        }
        log.info("Loaded {} demo recipes", drafts.size());
    }

    /** Past runs: mostly successes; the broken recipe's latest three failed. */
    private void history(RecipeRow recipe, List<Long> people, Random random, Instant now) {
        boolean broken = recipe.slug().equals("form-to-spreadsheet-row");
        int count = 6 + random.nextInt(30);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 40))));
        }
        times.sort(null);
        int failures = 0;
        Instant lastSuccess = null;
        for (int i = 0; i < times.size(); i++) {
            Instant at = times.get(i);
            boolean fails = broken ? i >= times.size() - 3 : random.nextInt(20) == 0;
            long who = people.get(random.nextInt(people.size()));
            UUID id = TimeOrderedIds.next(Clock.fixed(at, java.time.ZoneOffset.UTC));
            runs.insert(new NewRun(id, recipe.id(), 1, who, at, "{}", false, UUID.randomUUID(),
                    recipe.values().minutesSaved(), null));
            Instant done = at.plusSeconds(3);
            if (fails) {
                runs.complete(id, RunStatus.FAILED, "The spreadsheet it writes to is read-only.", null, done);
                failures++;
            } else {
                runs.complete(id, RunStatus.SUCCEEDED, "Done.", null, done);
                failures = 0;
                lastSuccess = done;
            }
        }
        RecipeHealth health = failures >= Recipe.BROKEN_AFTER ? RecipeHealth.BROKEN : RecipeHealth.HEALTHY;
        store.recordOutcomes(recipe.id(), health, failures, lastSuccess, times.getLast().plusSeconds(3), times.size());
    }
}
