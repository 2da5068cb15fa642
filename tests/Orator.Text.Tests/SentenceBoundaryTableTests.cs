namespace Orator.Text.Tests;

/// <summary>
/// Tricky inputs and the chunks they must give, with merging turned off (minimum 0) so each case shows
/// the raw boundaries; merging and the first-chunk limit have their own tests.
/// </summary>
public sealed class SentenceBoundaryTableTests
{
    private static readonly SentenceSplitter s_splitter = new(new SplitterOptions { MinChunkCharacters = 0 });

    public static TheoryData<string, string[]> Cases => new()
    {
        // Plain sentences.
        { "Hello world.", ["Hello world."] },
        { "Hello world. How are you?", ["Hello world.", "How are you?"] },
        { "One. Two. Three.", ["One.", "Two.", "Three."] },
        { "No punctuation at the end", ["No punctuation at the end"] },
        { "  Leading and trailing spaces.  ", ["Leading and trailing spaces."] },
        { "Tabs\tbetween words. Next one.", ["Tabs\tbetween words.", "Next one."] },
        { "Sentence one.  Two spaces after.", ["Sentence one.", "Two spaces after."] },
        { "Numbers start sentences. 42 is the answer.", ["Numbers start sentences.", "42 is the answer."] },

        // Abbreviations and titles.
        { "Mr. Smith went to Washington. He arrived.", ["Mr. Smith went to Washington.", "He arrived."] },
        { "Mrs. Jones and Ms. Lee met Dr. Who.", ["Mrs. Jones and Ms. Lee met Dr. Who."] },
        { "Prof. Adams teaches. Students listen.", ["Prof. Adams teaches.", "Students listen."] },
        { "John Smith Sr. and John Smith Jr. came.", ["John Smith Sr. and John Smith Jr. came."] },
        { "We live on St. James Street near Mt. Hood.", ["We live on St. James Street near Mt. Hood."] },
        { "It was Kramer vs. Kramer. A classic.", ["It was Kramer vs. Kramer.", "A classic."] },
        { "Gen. Patton and Capt. Kirk met Lt. Dan.", ["Gen. Patton and Capt. Kirk met Lt. Dan."] },
        { "Bring fruit, e.g. Apples or pears.", ["Bring fruit, e.g. Apples or pears."] },
        { "Use a tool, i.e. A hammer. Then nail it.", ["Use a tool, i.e. A hammer.", "Then nail it."] },
        { "Apples, pears, etc. Then we ate.", ["Apples, pears, etc.", "Then we ate."] },
        { "Apples, pears, etc. and more.", ["Apples, pears, etc. and more."] },
        { "Apple Inc. The company grew.", ["Apple Inc.", "The company grew."] },
        { "Apple Inc. Chairman spoke.", ["Apple Inc. Chairman spoke."] },
        { "Acme Ltd. and Foo Corp. merged.", ["Acme Ltd. and Foo Corp. merged."] },
        { "In the U.S. The army is big.", ["In the U.S.", "The army is big."] },
        { "The U.S. Army is big.", ["The U.S. Army is big."] },
        { "He moved to the U.K. Later he returned.", ["He moved to the U.K.", "Later he returned."] },
        { "She has a Ph.D. in physics.", ["She has a Ph.D. in physics."] },
        { "Smith et al. found it. The paper is long.", ["Smith et al. found it.", "The paper is long."] },
        { "It weighs approx. 5 kg. Heavy.", ["It weighs approx. 5 kg.", "Heavy."] },
        { "Compare cf. Section two. Done.", ["Compare cf. Section two.", "Done."] },

        // Initials.
        { "J. R. R. Tolkien wrote books. They sold well.", ["J. R. R. Tolkien wrote books.", "They sold well."] },
        { "George W. Bush spoke. People listened.", ["George W. Bush spoke.", "People listened."] },
        { "A. Smith and B. Jones agreed.", ["A. Smith and B. Jones agreed."] },
        { "So do I. Then we left.", ["So do I.", "Then we left."] },
        { "World War I. The war to end all wars.", ["World War I.", "The war to end all wars."] },

        // Numbers, money, times, dates.
        { "Pi is 3.14 roughly. Yes.", ["Pi is 3.14 roughly.", "Yes."] },
        { "It costs $3.50 today. Cheap.", ["It costs $3.50 today.", "Cheap."] },
        { "We sold 1,000.25 units. Great.", ["We sold 1,000.25 units.", "Great."] },
        { "The total is 3.14. Then we stop.", ["The total is 3.14.", "Then we stop."] },
        { "It was founded in 1999. It grew.", ["It was founded in 1999.", "It grew."] },
        { "Meet at 3 p.m. Then we eat.", ["Meet at 3 p.m.", "Then we eat."] },
        { "Meet at 3 p.m. tomorrow.", ["Meet at 3 p.m. tomorrow."] },
        { "Call at 9 a.m. Mr. Smith waits.", ["Call at 9 a.m. Mr. Smith waits."] },
        { "It was 10:30 a.m. Then lunch.", ["It was 10:30 a.m.", "Then lunch."] },
        { "Room No. 5 is big. Room No. 6 too.", ["Room No. 5 is big.", "Room No. 6 too."] },
        { "I said no. Then I left.", ["I said no.", "Then I left."] },
        { "See Fig. 3 and p. 12 for details.", ["See Fig. 3 and p. 12 for details."] },
        { "Due Jan. 5 or Feb. 10. Not later.", ["Due Jan. 5 or Feb. 10.", "Not later."] },
        { "I met Jan. He was nice.", ["I met Jan.", "He was nice."] },
        { "Open Mon. Jan. 5 only.", ["Open Mon. Jan. 5 only."] },
        { "Der 3. Oktober ist ein Feiertag. Dann kam er.", ["Der 3. Oktober ist ein Feiertag.", "Dann kam er."] },
        { "The temperature is -5.5 degrees. Cold.", ["The temperature is -5.5 degrees.", "Cold."] },
        { "Score: 7.5/10. Good.", ["Score: 7.5/10.", "Good."] },

        // URLs, e-mail addresses, versions, IP addresses, file names.
        { "Visit https://example.com/a.b?c=d.e for more.", ["Visit https://example.com/a.b?c=d.e for more."] },
        { "Visit https://example.com. Then sign in.", ["Visit https://example.com.", "Then sign in."] },
        { "Go to www.example.org today.", ["Go to www.example.org today."] },
        { "Email a.b@c.d now. Thanks.", ["Email a.b@c.d now.", "Thanks."] },
        { "Write to john.doe@example.com. He answers.", ["Write to john.doe@example.com.", "He answers."] },
        { "Version v1.2.3 is out. Update now.", ["Version v1.2.3 is out.", "Update now."] },
        { "Upgrade to 2.0.1. It fixes bugs.", ["Upgrade to 2.0.1.", "It fixes bugs."] },
        { "The IP is 192.168.0.1. Done.", ["The IP is 192.168.0.1.", "Done."] },
        { "Open report.pdf. Then close it.", ["Open report.pdf.", "Then close it."] },
        { "Open report.pdf and read it.", ["Open report.pdf and read it."] },
        { "Edit /etc/hosts. Save it.", ["Edit /etc/hosts.", "Save it."] },
        { "Node.js is fast. So is Deno.", ["Node.js is fast.", "So is Deno."] },

        // Quotes and brackets.
        { "He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."] },
        { "\"Stop!\" he said. \"Why?\" she asked.", ["\"Stop!\" he said.", "\"Why?\" she asked."] },
        { "She said, \"He told me 'Go.'\" Then she laughed.", ["She said, \"He told me 'Go.'\"", "Then she laughed."] },
        { "He said \u201CStop.\u201D Then he left.", ["He said \u201CStop.\u201D", "Then he left."] },
        { "\u201CReally?\u201D she asked.", ["\u201CReally?\u201D she asked."] },
        { "It's 'fine.' Really.", ["It's 'fine.'", "Really."] },
        { "(See Dr. Smith.) Then go.", ["(See Dr. Smith.)", "Then go."] },
        { "[Note: really.] Okay.", ["[Note: really.]", "Okay."] },
        { "Read it (twice!) before signing.", ["Read it (twice!) before signing."] },
        { "He left. (She stayed.) Then night fell.", ["He left.", "(She stayed.)", "Then night fell."] },
        { "**Note.** This is bold.", ["**Note.**", "This is bold."] },

        // Ellipses and runs of terminators.
        { "Wait... what happened?", ["Wait... what happened?"] },
        { "I waited... Then he came.", ["I waited...", "Then he came."] },
        { "Wait\u2026 what?", ["Wait\u2026 what?"] },
        { "I waited\u2026 Then he came.", ["I waited\u2026", "Then he came."] },
        { "The end. . . Then it began.", ["The end. . .", "Then it began."] },
        { "Really?! Yes!!! OK.", ["Really?!", "Yes!!!", "OK."] },
        { "What?? No way!! Fine.", ["What??", "No way!!", "Fine."] },
        { "Yahoo! is a company. Really.", ["Yahoo! is a company.", "Really."] },
        { "Is it?!\u201D he asked. Yes.", ["Is it?!\u201D he asked.", "Yes."] },

        // Newlines, paragraphs, lists and headings.
        { "First paragraph.\n\nSecond paragraph.", ["First paragraph.", "Second paragraph."] },
        { "First paragraph\n\nSecond paragraph", ["First paragraph", "Second paragraph"] },
        { "Windows lines.\r\n\r\nNext paragraph.", ["Windows lines.", "Next paragraph."] },
        { "Spaced blank line.\n   \nNext.", ["Spaced blank line.", "Next."] },
        { "Soft wrapped line\ncontinues here.", ["Soft wrapped line\ncontinues here."] },
        { "A line ending in a comma,\nThen a capital.", ["A line ending in a comma,\nThen a capital."] },
        { "Title\nThis is text.", ["Title", "This is text."] },
        { "Dear John\nThank you for the letter.\nBest regards\nMary", ["Dear John", "Thank you for the letter.", "Best regards", "Mary"] },
        { "Shopping list:\n- milk\n- eggs", ["Shopping list:", "- milk", "- eggs"] },
        { "Steps:\n1. Open the box.\n2. Take it out.", ["Steps:", "1. Open the box.", "2. Take it out."] },
        { "a) first\nb) second", ["a) first", "b) second"] },
        { "\u2022 one\n\u2022 two", ["\u2022 one", "\u2022 two"] },
        { "- Buy milk and\n  eggs today\n- Call mom", ["- Buy milk and\n  eggs today", "- Call mom"] },
        { "# Heading\nSome text here.", ["# Heading", "Some text here."] },
        { "## Setup\nRun it. Then wait.", ["## Setup", "Run it.", "Then wait."] },
        { "Note: see above.\nIV. Results are good.", ["Note: see above.", "IV. Results are good."] },
        { "Line one\u2028Line two", ["Line one", "Line two"] },
        { "**Overview**\nThis tool reads text aloud.", ["**Overview**", "This tool reads text aloud."] },
        { "Hello world\n\n\n\nFour newlines later.", ["Hello world", "Four newlines later."] },
        { "Dr.\nSmith is here.", ["Dr.\nSmith is here."] },
        { "lower case chat. no capitals here? fine", ["lower case chat. no capitals here? fine"] },
        { "Para one\u2029Para two", ["Para one", "Para two"] },

        // Emoji at sentence ends.
        { "I love it! \U0001F60D See you.", ["I love it! \U0001F60D", "See you."] },
        { "Done!\U0001F389 Next.", ["Done!\U0001F389", "Next."] },
        { "Family \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466. Next.", ["Family \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466.", "Next."] },
        { "Go Japan \U0001F1EF\U0001F1F5! Done.", ["Go Japan \U0001F1EF\U0001F1F5!", "Done."] },
        { "Thumbs up \U0001F44D\U0001F3FD. Great.", ["Thumbs up \U0001F44D\U0001F3FD.", "Great."] },
        { "Great job. \U0001F389\U0001F389 Next time.", ["Great job. \U0001F389\U0001F389", "Next time."] },
        { "Wow! \u00A9 2024 Acme.", ["Wow!", "\u00A9 2024 Acme."] },

        // CJK and other scripts without spaces.
        { "你好。我很好！你呢？", ["你好。", "我很好！", "你呢？"] },
        { "今日は晴れです。明日は雨です。", ["今日は晴れです。", "明日は雨です。"] },
        { "「行こう。」と彼は言った。", ["「行こう。」と彼は言った。"] },
        { "\u201C走吧！\u201D他说。我们走了。", ["\u201C走吧！\u201D他说。", "我们走了。"] },
        { "「はい。」「いいえ。」", ["「はい。」", "「いいえ。」"] },
        { "本当？！すごい。", ["本当？！", "すごい。"] },
        { "半角｡次の文｡", ["半角｡", "次の文｡"] },
        { "円周率は３．１４です。", ["円周率は３．１４です。"] },
        { "안녕하세요. 반갑습니다!", ["안녕하세요.", "반갑습니다!"] },
        { "Chinese mixed 中文。English again.", ["Chinese mixed 中文。", "English again."] },

        // Other scripts.
        { "नमस्ते। आप कैसे हैं? मैं ठीक हूँ।", ["नमस्ते।", "आप कैसे हैं?", "मैं ठीक हूँ।"] },
        { "राम ने कहा॥ फिर गया।", ["राम ने कहा॥", "फिर गया।"] },
        { "مرحبا. كيف حالك؟ أنا بخير.", ["مرحبا.", "كيف حالك؟", "أنا بخير."] },
        { "یہ کتاب ہے۔ وہ قلم ہے۔", ["یہ کتاب ہے۔", "وہ قلم ہے۔"] },
        { "שלום. מה שלומך?", ["שלום.", "מה שלומך?"] },
        { "Τι κάνεις; Καλά. Ευχαριστώ.", ["Τι κάνεις;", "Καλά.", "Ευχαριστώ."] },
        { "Τι κάνεις\u037E Καλά.", ["Τι κάνεις\u037E", "Καλά."] },
        { "Привет. Как дела? Хорошо!", ["Привет.", "Как дела?", "Хорошо!"] },
        { "Это т.е. пример. Да.", ["Это т.е. пример.", "Да."] },
        { "Живу на ул. Ленина. Хорошо.", ["Живу на ул. Ленина.", "Хорошо."] },
        { "Բարև։ Ինչպես ես։", ["Բարև։", "Ինչպես ես։"] },
        { "ሰላም ነው። እንዴት ነህ፧", ["ሰላም ነው።", "እንዴት ነህ፧"] },
        { "สวัสดีครับ วันนี้อากาศดี", ["สวัสดีครับ วันนี้อากาศดี"] },
        { "ជំរាបសួរ។ សុខសប្បាយទេ។", ["ជំរាបសួរ។", "សុខសប្បាយទេ។"] },

        // Spanish and French punctuation.
        { "¿Dónde está? ¡Aquí está! Bien.", ["¿Dónde está?", "¡Aquí está!", "Bien."] },
        { "¿Qué? dijo él.", ["¿Qué? dijo él."] },
        { "« Bonjour ! » Puis il partit.", ["« Bonjour ! »", "Puis il partit."] },
        { "« Quoi ? » dit-il.", ["« Quoi ? » dit-il."] },
        { "Comment ça va ? Très bien !", ["Comment ça va ?", "Très bien !"] },
        { "Comment\u00A0? Pourquoi\u00A0! Voilà.", ["Comment\u00A0?", "Pourquoi\u00A0!", "Voilà."] },
        { "Il a dit : « Non. » Puis il est parti.", ["Il a dit : « Non. »", "Puis il est parti."] },
        { "\u00BBHalt!\u00AB sagte er. \u00BBNein!\u00AB Dann ging er.", ["\u00BBHalt!\u00AB sagte er.", "\u00BBNein!\u00AB", "Dann ging er."] },
        { "\u201EHalt!\u201C sagte er. Dann ging er.", ["\u201EHalt!\u201C sagte er.", "Dann ging er."] },

        // Nothing to say.
        { "", [] },
        { "   \n\t  ", [] },
        { "?", [] },
        { "...", [] },
        { "?!? ... !!!", [] },
        { "\U0001F389\U0001F389", [] },
        { "5", ["5"] },
        { "Hello.\n\n***\n\nWorld.", ["Hello.", "World."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_splits_into_the_expected_chunks(string input, string[] expected)
    {
        IReadOnlyList<TextChunk> chunks = s_splitter.Split(input);

        Assert.Equal(expected, chunks.Select(chunk => chunk.Text));
        ChunkInvariants.AssertHold(input, chunks, s_splitter.Options);
    }

    [Fact]
    public void The_table_has_at_least_120_cases()
    {
        Assert.True(Cases.Count >= 120, $"only {Cases.Count} cases");
    }
}
