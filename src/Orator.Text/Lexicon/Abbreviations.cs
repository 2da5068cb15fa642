using System.Collections.Frozen;

namespace Orator.Text.Lexicon;

/// <summary>
/// Words that end with a period without ending the sentence. Matching is case-sensitive: "No." before a
/// number is an abbreviation, "no." is a word; "Mar." is a month, "mar" is Spanish for sea.
/// </summary>
internal static class Abbreviations
{
    // Titles and words that are always followed by more of the sentence.
    private static readonly FrozenSet<string> s_neverFinal = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Rev", "Revd", "Hon", "St", "Ste",
        "Mt", "Ft", "Gen", "Col", "Capt", "Cpt", "Lt", "Sgt", "Cpl", "Pvt", "Cmdr", "Cdr", "Adm", "Maj", "Brig",
        "Gov", "Sen", "Rep", "Pres", "Supt", "Insp", "Fr", "Br", "vs", "Vs", "v", "cf", "Cf", "viz", "approx",
        "Approx", "ca", "Ca", "resp", "incl", "Incl", "esp", "Esp", "dept", "Dept", "Univ", "Assn",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
        "bzw", "ggf", "inkl", "evtl", "vgl", "Vgl", "sog", "Hr", "Hrn", "Frl", "Dipl", "Ing",
        "Sra", "Srta", "Dra", "Ud", "Uds", "Vd", "Vds", "Sto", "Sta", "Dña", "Excmo", "Excma",
        "Mme", "Mlle", "Mlles", "Sig", "Sigg", "Dott", "Avv",
        "ул", "пр", "пер", "им", "проф", "акад", "доц", "тов", "гр", "св", "г", "т", "д", "см", "вул",
    ], StringComparer.Ordinal);

    // Abbreviations that precede a number: "No. 5", "Fig. 3", "p. 12", "Jan. 5". Before anything
    // else they are read as ordinary words ("I said no. Then...", "I met Jan. He...").
    private static readonly FrozenSet<string> s_beforeNumber = FrozenSet.ToFrozenSet(
    [
        "No", "no", "Nos", "nos", "Nr", "nr", "Fig", "fig", "Figs", "figs", "p", "pp", "Vol", "vol", "Vols", "vols",
        "Ch", "ch", "Chap", "chap", "Sec", "sec", "Sect", "Art", "art", "Para", "para", "Eq", "eq", "Eqs",
        "Ref", "ref", "Tab", "tab", "Abs", "Abb", "Kap", "Bd", "Op", "op", "Ex", "ex", "рис", "стр", "гл",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Okt", "Dez", "Mär",
    ], StringComparer.Ordinal);

    // Abbreviations that often end a sentence too ("...at 3 p.m. Then we left."): a sentence end only
    // before a common sentence-starting word, so "U.S. Army" and "Apple Inc. Chairman" stay together.
    private static readonly FrozenSet<string> s_sometimesFinal = FrozenSet.ToFrozenSet(
    [
        "etc", "Etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "Ave", "Blvd", "Rd", "Ln", "Esq", "al", "usw",
        "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.S.A", "U.N", "E.U", "B.C", "A.D", "B.C.E", "C.E", "Ph.D",
        "M.D", "B.A", "M.A", "B.Sc", "M.Sc", "D.C", "N.Y", "L.A",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_neverFinalLookup =
        s_neverFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_beforeNumberLookup =
        s_beforeNumber.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_sometimesFinalLookup =
        s_sometimesFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"Mr", "Dr", "vs", "approx": never the last word of a sentence.</summary>
    public static bool IsNeverFinal(ReadOnlySpan<char> word) => s_neverFinalLookup.Contains(word);

    /// <summary>"No", "Fig", "p", "Jan": an abbreviation when a number follows.</summary>
    public static bool IsBeforeNumber(ReadOnlySpan<char> word) => s_beforeNumberLookup.Contains(word);

    /// <summary>"etc", "Inc", "p.m", "U.S": may end a sentence.</summary>
    public static bool IsSometimesFinal(ReadOnlySpan<char> word) => s_sometimesFinalLookup.Contains(word);
}
