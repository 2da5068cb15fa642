using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orator.Server.Hosting;

namespace Orator.Server.Tests.Hosting;

public sealed class OratorOptionsValidatorTests
{
    public static TheoryData<string> NumericKeys => [.. OratorOptionsValidator.NumericSettings.Select(s => s.Key)];

    [Fact]
    public void No_configuration_at_all_gives_valid_defaults()
    {
        var options = Bind();

        Assert.Empty(OratorOptionsValidator.Validate(options));
        Assert.Equal(64, options.MaxQueuedRequests);
    }

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Each_numeric_setting_accepts_both_ends_of_its_range_and_binds_to_the_property_it_names(string key)
    {
        var setting = Setting(key);
        foreach (var value in new[] { setting.Minimum, setting.Maximum })
        {
            var options = Bind((key, Text(value)));

            Assert.Equal(value, setting.Read(options));
        }
    }

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Each_numeric_setting_outside_its_range_stops_startup_with_the_key_and_the_range(string key)
    {
        var setting = Setting(key);
        var step = setting.WholeNumber ? 1 : 0.5;
        foreach (var value in new[] { setting.Minimum - step, setting.Maximum + step })
        {
            var error = Assert.Throws<OratorConfigurationException>(() => Bind((key, Text(value))));

            Assert.StartsWith($"{key} must be between {Text(setting.Minimum)} and {Text(setting.Maximum)} (got {Text(value)})", Assert.Single(error.Problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pause_below_zero_is_reported_as_the_issue_shows()
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Pauses:SentenceMs", "-5")));

        Assert.Equal("Orator:Pauses:SentenceMs must be between 0 and 10000 (got -5).", error.Message);
    }

    [Fact]
    public void Zero_workers_is_accepted_and_the_error_for_too_many_says_what_zero_means()
    {
        Assert.Equal(0, Bind(("Orator:Workers", "0")).Workers);

        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Workers", "65")));
        Assert.Equal("Orator:Workers must be between 0 and 64 (got 65); 0 = one per CPU core.", error.Message);
    }

    [Theory]
    [InlineData("Orator:Workers", "abc", "Orator:Workers must be a whole number between 0 and 64 (got 'abc').")]
    [InlineData("Orator:Workers", "2.5", "Orator:Workers must be a whole number between 0 and 64 (got '2.5').")]
    [InlineData("Orator:MaxRequestBodyBytes", "64k", "Orator:MaxRequestBodyBytes must be a whole number between 1024 and 16777216 (got '64k').")]
    [InlineData("Orator:Storage:KeyCacheSeconds", "soon", "Orator:Storage:KeyCacheSeconds must be a number between 0 and 3600 (got 'soon').")]
    [InlineData("Orator:Logging:Json", "yes", "Orator:Logging:Json must be true or false (got 'yes').")]
    [InlineData("Orator:PublicCatalog", "public", "Orator:PublicCatalog must be true or false (got 'public').")]
    public void A_value_that_is_not_of_its_type_names_its_key_instead_of_failing_in_the_binder(string key, string value, string expected)
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind((key, value)));

        Assert.Equal(expected, Assert.Single(error.Problems));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_unreadable_values_and_ranges_alike()
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(
            ("Orator:Workers", "abc"), ("Orator:Pauses:SentenceMs", "-5"), ("Orator:Storage:Provider", "mysql"), ("Orator:QueueTimeoutSeconds", "0")));

        Assert.Equal(
            [
                "Orator:Workers must be a whole number between 0 and 64 (got 'abc').",
                "Orator:QueueTimeoutSeconds must be between 1 and 3600 (got 0).",
                "Orator:Pauses:SentenceMs must be between 0 and 10000 (got -5).",
                "Orator:Storage:Provider must be 'sqlite' or 'postgres' (got 'mysql').",
            ],
            error.Problems);
        Assert.StartsWith("4 configuration problems:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_value_is_reported_like_any_other_that_is_not_a_number()
    {
        // Orator__Workers= (an unset variable in a compose file) would otherwise fail inside the binder.
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Workers", ""), ("Orator:Logging:Json", "")));

        Assert.Equal(["Orator:Workers must be a whole number between 0 and 64 (got '').", "Orator:Logging:Json must be true or false (got '')."], error.Problems);
    }

    [Fact]
    public void An_unreadable_value_leaves_the_other_values_of_its_section_bound_and_checked()
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Pauses:SentenceMs", "long"), ("Orator:Pauses:ClauseMs", "20000"), ("Orator:Pauses:LineMs", "5")));

        Assert.Equal(
            ["Orator:Pauses:SentenceMs must be a whole number between 0 and 10000 (got 'long').", "Orator:Pauses:ClauseMs must be between 0 and 10000 (got 20000)."],
            error.Problems);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    public void The_catalog_is_public_unless_the_setting_says_false(string? value, bool expected)
    {
        var options = value is null ? Bind() : Bind(("Orator:PublicCatalog", value));

        Assert.Equal(expected, options.PublicCatalog);
    }

    [Fact]
    public void An_empty_api_key_is_refused_at_startup()
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:ApiKeys:0", "sk-good"), ("Orator:ApiKeys:1", " ")));

        Assert.Equal("Orator:ApiKeys must not contain an empty or blank key.", error.Message);
    }

    [Theory]
    [InlineData("sqlite", null)]
    [InlineData(" SQLite ", null)]
    [InlineData("postgres", "Host=db")]
    [InlineData("PostgreSQL", "Host=db")]
    public void The_storage_providers_are_sqlite_and_postgres(string provider, string? connectionString)
    {
        Assert.Equal(provider, Bind(("Orator:Storage:Provider", provider), ("Orator:Storage:ConnectionString", connectionString)).Storage.Provider);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Storage:Provider", "postgres")));

        Assert.Equal("Orator:Storage:ConnectionString must be set when Orator:Storage:Provider is 'postgres' (an Npgsql connection string).", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fp32")]
    [InlineData("FP16")]
    [InlineData(" int8 ")]
    public void The_kokoro_variant_is_empty_or_a_published_precision(string variant)
    {
        Assert.Equal(variant, Bind(("Orator:KokoroVariant", variant)).KokoroVariant);
    }

    [Theory]
    [InlineData("fp8")]
    [InlineData("1")]
    public void Another_kokoro_variant_is_refused(string variant)
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:KokoroVariant", variant)));

        Assert.Equal($"Orator:KokoroVariant must be empty (the first installed) or one of fp32, fp16, int8 (got '{variant}').", error.Message);
    }

    [Theory]
    [InlineData("reject", UnknownFieldPolicy.Reject)]
    [InlineData("IGNORE", UnknownFieldPolicy.Ignore)]
    [InlineData(" ignore ", UnknownFieldPolicy.Ignore)]
    public void Unknown_fields_are_rejected_or_ignored_as_configured(string value, UnknownFieldPolicy expected)
    {
        Assert.Equal(expected, Bind(("Orator:UnknownFields", value)).ResolvedUnknownFields);
    }

    [Fact]
    public void Unknown_fields_are_rejected_by_default()
    {
        Assert.Equal(UnknownFieldPolicy.Reject, Bind().ResolvedUnknownFields);
    }

    [Theory]
    [InlineData("allow")]
    [InlineData("1")]
    [InlineData("")]
    public void Another_unknown_fields_policy_is_refused(string value)
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:UnknownFields", value)));

        Assert.Equal($"Orator:UnknownFields must be 'reject' or 'ignore' (got '{value}').", error.Message);
    }

    [Fact]
    public void A_voice_mapping_within_range_replaces_the_default_entry()
    {
        var options = Bind(("Orator:Voices:alloy:Voice", "espeak:en-gb"), ("Orator:Voices:alloy:Pitch", "0.25"), ("Orator:Voices:alloy:Rate", "4"));

        Assert.Equal(0.25f, options.EffectiveVoiceMap()["alloy"].Pitch);
        Assert.Equal("espeak:en-gb", options.EffectiveVoiceMap()["alloy"].Voice);
    }

    [Theory]
    [InlineData("Pitch", "0.2", "Orator:Voices:nova:Pitch must be between 0.25 and 4 (got 0.2); 1 = the engine voice's own.")]
    [InlineData("Rate", "4.5", "Orator:Voices:nova:Rate must be between 0.25 and 4 (got 4.5); 1 = the engine voice's own.")]
    [InlineData("Rate", "fast", "Orator:Voices:nova:Rate must be a number between 0.25 and 4 (got 'fast').")]
    public void A_voice_pitch_or_rate_outside_a_quarter_to_four_times_is_refused(string field, string value, string expected)
    {
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Voices:nova:Voice", "flite:slt"), ($"Orator:Voices:nova:{field}", value)));

        Assert.Equal(expected, Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("slt")]
    [InlineData("flite:")]
    [InlineData(":slt")]
    public void A_voice_mapping_must_name_an_engine_voice(string? voice)
    {
        // A partial override (only Pitch) replaces the whole default entry, so its Voice is empty.
        var error = Assert.Throws<OratorConfigurationException>(() => Bind(("Orator:Voices:echo:Voice", voice), ("Orator:Voices:echo:Pitch", "1.1")));

        Assert.Equal($"Orator:Voices:echo:Voice must name an engine voice as engine:voice, e.g. flite:slt (got '{voice}').", error.Message);
    }

    [Fact]
    public void The_documented_table_lists_every_numeric_setting_with_its_range()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture", "configuration.md"));

        foreach (var setting in OratorOptionsValidator.NumericSettings)
        {
            Assert.Contains($"| `{setting.Key}` | {Text(setting.Minimum)} | {Text(setting.Maximum)} |", doc, StringComparison.Ordinal);
        }
    }

    private static NumericSetting Setting(string key) => OratorOptionsValidator.NumericSettings.Single(s => s.Key == key);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static OratorOptions Bind(params (string Key, string? Value)[] values) =>
        OratorOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build());

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Orator.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Orator.slnx not found");
    }
}
