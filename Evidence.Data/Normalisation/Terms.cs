namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The fixed values the normaliser writes beside the vocabulary's own terms, and the separators
/// of the cells a person reads. Code anywhere in the product names them here, never as literals;
/// <see cref="Vocabulary.Load"/> checks that a vocabulary file contains the ones it must.
/// </summary>
public static class Terms
{
    /// <summary>The agent class of immune checkpoint inhibitors.</summary>
    public const string Ici = "ICI";

    /// <summary>The target of an ICI named only by its class ("immune checkpoint inhibitor").</summary>
    public const string UnspecifiedIci = "ICI, unspecified";

    /// <summary>An agent property: a bispecific antibody (stored in intervention_values as agent_property).</summary>
    public const string Bispecific = "bispecific";

    /// <summary>The RT modality of radiotherapy named without its kind ("radiotherapy").</summary>
    public const string UnspecifiedRt = "RT, unspecified";

    /// <summary>The modality of RT given in fewer, larger fractions than conventional (a name of the vocabulary's RT modalities).</summary>
    public const string HypofractionatedRt = "Hypofractionated RT";

    /// <summary>The modality of photon external-beam RT, whose techniques (IMRT, VMAT, IGRT) can deliver another kind (a name of the vocabulary's RT modalities).</summary>
    public const string Ebrt = "EBRT";

    /// <summary>Stereotactic body RT and radiosurgery (HSRT, SRS, CyberKnife...: guide rule 8).</summary>
    public const string Sbrt = "SBRT";

    /// <summary>The class of cytotoxic agents, and a partner class.</summary>
    public const string Chemotherapy = "chemotherapy";

    /// <summary>The partner class of a locoregional therapy (TACE, HAIC, RFA, ...).</summary>
    public const string Locoregional = "locoregional";

    /// <summary>The endpoint class of an outcome that names none of the vocabulary's classes.</summary>
    public const string OtherEndpoint = "other";

    /// <summary>The endpoint class of adverse events, toxicity, tolerability and dose limits.</summary>
    public const string Safety = "safety";

    /// <summary>The endpoint class of overall survival (death from any cause).</summary>
    public const string OverallSurvival = "OS";

    /// <summary>The endpoint class of progression-free survival (progression or death).</summary>
    public const string ProgressionFreeSurvival = "PFS";

    /// <summary>The endpoint class of the time to progression (progression alone; death censored).</summary>
    public const string TimeToProgression = "TTP";

    /// <summary>The endpoint class of conversion to resection and resection rates.</summary>
    public const string ConversionResection = "conversion/resection";

    /// <summary>The endpoint class of disease-free, recurrence-free and event-free survival.</summary>
    public const string DiseaseFreeSurvival = "DFS/RFS";

    /// <summary>The endpoint class of a tumour's response (objective response rate).</summary>
    public const string ObjectiveResponse = "ORR";

    /// <summary>The endpoint class of a response read in the resected tumour (pCR, major pathological response).</summary>
    public const string PathologicalResponse = "pathological response";

    /// <summary>The endpoint class of the tumour's control at its site (local or regional recurrence or progression).</summary>
    public const string LocalControl = "local control";

    /// <summary>The disease setting of patients with distant disease.</summary>
    public const string MetastaticSetting = "metastatic";

    /// <summary>The disease setting of treatment after the tumour's resection.</summary>
    public const string AdjuvantSetting = "adjuvant";

    /// <summary>The disease setting of treatment before a planned resection.</summary>
    public const string NeoadjuvantSetting = "neoadjuvant";

    /// <summary>Between the values of one cell a person reads: "nivolumab + ipilimumab", "Sintilimab + SBRT".</summary>
    public const string ListSeparator = " + ";

    /// <summary>Between the arms of an intervention cell: "Nivolumab + SBRT vs Nivolumab".</summary>
    public const string ArmSeparator = " vs ";
}
