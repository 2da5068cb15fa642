using Orator.Text.Normalization;

namespace Orator.Text.Tests.Normalization;

/// <summary>Realistic sentences and the words a speech engine should receive for them.</summary>
public sealed class EnglishNormalizerTableTests
{
    private static readonly EnglishNormalizer s_us = new();
    private static readonly EnglishNormalizer s_gb = new(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb });

    public static TheoryData<string, string> UsCases => new()
    {
        // Cardinals
        { "I have 0 apples.", "I have zero apples." },
        { "There were 7 dwarfs.", "There were seven dwarfs." },
        { "Add 13 eggs.", "Add thirteen eggs." },
        { "She scored 42 points.", "She scored forty-two points." },
        { "We sold 100 units.", "We sold one hundred units." },
        { "Page 105 is missing.", "Page one hundred five is missing." },
        { "The crowd was 12,500 strong.", "The crowd was twelve thousand five hundred strong." },
        { "Population: 1,234,567 people.", "Population: one million two hundred thirty-four thousand five hundred sixty-seven people." },
        { "It fell to -5 overnight.", "It fell to minus five overnight." },
        { "A loss of -1,200 was booked.", "A loss of minus one thousand two hundred was booked." },
        { "Roughly 3,000,000,000 requests.", "Roughly three billion requests." },
        { "Call me at 555.", "Call me at five hundred fifty-five." },
        { "Agent 007 reporting.", "Agent zero zero seven reporting." },
        { "Order 12345 shipped.", "Order twelve thousand three hundred forty-five shipped." },
        { "(15 items)", "(fifteen items)" },
        { "About 90, maybe 95.", "About ninety, maybe ninety-five." },
        { "Card 1234567890123456789 declined.", "Card one two three four five six seven eight nine zero one two three four five six seven eight nine declined." },
        { "Only 999999999999999 left.", "Only nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine left." },
        { "Exactly 1000000 views!", "Exactly one million views!" },
        { "He is 19 today.", "He is nineteen today." },
        // Decimals
        { "Pi is 3.14 roughly.", "Pi is three point one four roughly." },
        { "Use 0.5 cups of sugar.", "Use zero point five cups of sugar." },
        { "Growth was -2.75 overall.", "Growth was minus two point seven five overall." },
        { "Version 2.0 is out.", "Version two point zero is out." },
        { "It measured 1,234.5 in total.", "It measured one thousand two hundred thirty-four point five in total." },
        // Ordinals
        { "She came 1st.", "She came first." },
        { "He finished 2nd, not 3rd.", "He finished second, not third." },
        { "Our 22nd anniversary.", "Our twenty-second anniversary." },
        { "The 103rd congress.", "The one hundred third congress." },
        { "Her 11th birthday.", "Her eleventh birthday." },
        { "The 12th man.", "The twelfth man." },
        { "On the 20th floor.", "On the twentieth floor." },
        { "The 21ST century.", "The twenty-first century." },
        { "For the 100th time!", "For the one hundredth time!" },
        { "The 45th president.", "The forty-fifth president." },
        { "My 8th try.", "My eighth try." },
        { "The 9th inning.", "The ninth inning." },
        // Percentages
        { "Sales rose 12% this year.", "Sales rose twelve percent this year." },
        { "A 0.5% fee applies.", "A zero point five percent fee applies." },
        { "Battery at 100%.", "Battery at one hundred percent." },
        { "Shares fell -3% today.", "Shares fell minus three percent today." },
        { "Tip 15% or 20%.", "Tip fifteen percent or twenty percent." },
        { "Fat: 3.5 % per serving.", "Fat: three point five percent per serving." },
        // Currency
        { "It costs $3.50 today.", "It costs three dollars and fifty cents today." },
        { "Pay $1 now.", "Pay one dollar now." },
        { "Just $0.99!", "Just ninety-nine cents!" },
        { "A $5 bill.", "A five dollars bill." },
        { "Total: $1,234.56.", "Total: one thousand two hundred thirty-four dollars and fifty-six cents." },
        { "Revenue hit $2.5M last year.", "Revenue hit two point five million dollars last year." },
        { "A $3bn deal.", "A three billion dollars deal." },
        { "They raised $10K.", "They raised ten thousand dollars." },
        { "It sold for $4.2 million.", "It sold for four point two million dollars." },
        { "Tickets are £20 each.", "Tickets are twenty pounds each." },
        { "Only £1.01 left.", "Only one pound and one penny left." },
        { "A pint is £4.75 here.", "A pint is four pounds and seventy-five pence here." },
        { "Rent is €850 a month.", "Rent is eight hundred fifty euros a month." },
        { "Coffee costs €2.20.", "Coffee costs two euros and twenty cents." },
        { "Lunch was ¥1,200.", "Lunch was one thousand two hundred yen." },
        { "Tea costs ₹15.50.", "Tea costs fifteen rupees and fifty paise." },
        { "We owe USD 500.", "We owe five hundred US dollars." },
        { "Invoice total 250 EUR.", "Invoice total two hundred fifty euros." },
        { "Fee: GBP 12.50.", "Fee: twelve pounds and fifty pence." },
        { "A refund of -$20 appeared.", "A refund of minus twenty dollars appeared." },
        { "Exactly $3.00 please.", "Exactly three dollars please." },
        { "Interest of $1.005 accrued.", "Interest of one point zero zero five dollars accrued." },
        // Years and decades
        { "Born in 1999.", "Born in nineteen ninety-nine." },
        { "In 2024 we moved.", "In twenty twenty-four we moved." },
        { "Built in 1905.", "Built in nineteen oh five." },
        { "Since 2000.", "Since two thousand." },
        { "Back in 2005.", "Back in two thousand five." },
        { "The year 1900 was cold.", "The year nineteen hundred was cold." },
        { "Music of the 1990s.", "Music of the nineteen nineties." },
        { "Fashion from the '80s.", "Fashion from the eighties." },
        { "The 1900s saw two wars.", "The nineteen hundreds saw two wars." },
        { "In the 2000s.", "In the two thousands." },
        { "Founded 1066.", "Founded one thousand sixty-six." },
        { "In 2010 and 2019.", "In twenty ten and twenty nineteen." },
        // Times
        { "Meet at 3:30pm.", "Meet at three thirty p m." },
        { "The train leaves at 15:45.", "The train leaves at fifteen forty-five." },
        { "Class starts at 10:00.", "Class starts at ten o'clock." },
        { "Wake up at 6:05 am.", "Wake up at six oh five a m." },
        { "Dinner at 7:00 p.m.", "Dinner at seven p m." },
        { "Call at 9am, not 10 pm.", "Call at nine a m, not ten p m." },
        { "Lights out at 22:00.", "Lights out at twenty-two hundred." },
        { "Open 11:15AM to 2:45PM.", "Open eleven fifteen a m to two forty-five p m." },
        { "The score was 25:99.", "The score was 25:99." },
        // Dates
        { "Due 1/5/2024.", "Due January fifth twenty twenty-four." },
        { "Signed on 12/25/1999.", "Signed on December twenty-fifth nineteen ninety-nine." },
        { "Released 2024-01-05.", "Released January fifth twenty twenty-four." },
        { "Invalid 13/45/2024 date.", "Invalid 13/45/2024 date." },
        { "On March 3, 2021 it rained.", "On March third, twenty twenty-one it rained." },
        { "By July 4 we leave.", "By July fourth we leave." },
        // Abbreviations and titles
        { "Dr. Smith will see you.", "Doctor Smith will see you." },
        { "Mr. and Mrs. Jones arrived.", "Mister and Missus Jones arrived." },
        { "Ask Ms. Lee.", "Ask Miz Lee." },
        { "We visited St. Paul today.", "We visited Saint Paul today." },
        { "He lives on Main St.", "He lives on Main Street." },
        { "Take the first left onto Elm Dr. and stop.", "Take the first left onto Elm Drive and stop." },
        { "Lakers vs. Celtics tonight.", "Lakers versus Celtics tonight." },
        { "Lakers vs Celtics tonight.", "Lakers versus Celtics tonight." },
        { "Bring pens, paper, etc. to class.", "Bring pens, paper, et cetera to class." },
        { "Bring pens, paper, etc. Then sit.", "Bring pens, paper, et cetera. Then sit." },
        { "Fruit, e.g. apples, is good.", "Fruit, for example apples, is good." },
        { "The answer, i.e. yes, came late.", "The answer, that is yes, came late." },
        { "Prof. Xavier teaches here.", "Professor Xavier teaches here." },
        { "Martin Luther King Jr. spoke.", "Martin Luther King Junior spoke." },
        { "Invoice No. 42 is overdue.", "Invoice number forty-two is overdue." },
        { "Acme Inc. Reported profits.", "Acme Incorporated. Reported profits." },
        // Symbols
        { "Salt & pepper.", "Salt and pepper." },
        { "2 + 2 = 4", "two plus two equals four" },
        { "Email me @ home.", "Email me at home." },
        { "R&D is funded.", "R and D is funded." },
        // Units
        { "We ran 5 km today.", "We ran five kilometers today." },
        { "Just 1 km left.", "Just one kilometer left." },
        { "It weighs 2kg.", "It weighs two kilograms." },
        { "Add 1 kg of flour.", "Add one kilogram of flour." },
        { "Speed limit 30 mph.", "Speed limit thirty miles per hour." },
        { "Cruising at 100 km/h.", "Cruising at one hundred kilometers per hour." },
        { "Bake at 180°C for 20 min.", "Bake at one hundred eighty degrees Celsius for twenty minutes." },
        { "It was 75°F outside.", "It was seventy-five degrees Fahrenheit outside." },
        { "Turn 90° left.", "Turn ninety degrees left." },
        { "The phone has 128GB.", "The phone has one hundred twenty-eight gigabytes." },
        { "Download 512 MB first.", "Download five hundred twelve megabytes first." },
        { "Latency was 35ms.", "Latency was thirty-five milliseconds." },
        { "Ping: 1.5 ms.", "Ping: one point five milliseconds." },
        { "Add 2 tbsp oil and 1 tsp salt.", "Add two tablespoons oil and one teaspoon salt." },
        { "Pour 250 ml of milk.", "Pour two hundred fifty milliliters of milk." },
        { "A 10 cm cut.", "A ten centimeters cut." },
        // Left alone
        { "Hello, world!", "Hello, world!" },
        { "lol ok 👍", "lol ok " },
        { "See U.S. policy.", "See U S policy." },
        { "Model X-15a.", "Model X-15a." },
        { "Visit example.com/page.", "Visit example dot com slash page." },
        { "  leading and trailing  ", "  leading and trailing  " },
        { "line one\nline 2", "line one\nline two" },
        { "I am here at noon.", "I am here at noon." },
        { "", "" },
    };

    public static TheoryData<string, string> GbCases => new()
    {
        { "Due 1/5/2024.", "Due the first of May twenty twenty-four." },
        { "Released 2024-01-05.", "Released the fifth of January twenty twenty-four." },
        { "Page 105 is missing.", "Page one hundred and five is missing." },
        { "About 1,005 people.", "About one thousand and five people." },
        { "Back in 2005.", "Back in two thousand and five." },
        { "We ran 5 km today.", "We ran five kilometres today." },
        { "Pour 250 ml of milk.", "Pour two hundred and fifty millilitres of milk." },
        { "The 103rd congress.", "The one hundred and third congress." },
        { "A pint is £4.75 here.", "A pint is four pounds and seventy-five pence here." },
        { "Signed on 25/12/1999.", "Signed on the twenty-fifth of December nineteen ninety-nine." },
    };

    [Theory]
    [MemberData(nameof(UsCases))]
    public void Us_text_is_read_as_expected(string input, string expected) => Assert.Equal(expected, s_us.Normalize(input));

    [Theory]
    [MemberData(nameof(GbCases))]
    public void British_text_is_read_with_british_conventions(string input, string expected) => Assert.Equal(expected, s_gb.Normalize(input));
}
