namespace Orator.Core.Engines;

/// <summary>Gender of a voice as published by its engine.</summary>
public enum VoiceGender
{
    /// <summary>Not stated by the engine.</summary>
    Unknown,
    /// <summary>Female voice.</summary>
    Female,
    /// <summary>Male voice.</summary>
    Male,
}
