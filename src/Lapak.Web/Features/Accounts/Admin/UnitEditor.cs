namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>What the organization, branch and team use cases have in common, so their pages share one save and delete flow.</summary>
public interface IUnitEditor<in TCommand>
{
    /// <summary>The rule checks (e.g. "this name is taken") on their own, to show with the form's other mistakes.</summary>
    Task<Outcome> CheckAsync(Guid? id, TCommand c);
    Task<Outcome> CreateAsync(TCommand c);
    Task<Outcome> UpdateAsync(Guid id, TCommand c);
    Task<Outcome> DeleteAsync(Guid id);
}
