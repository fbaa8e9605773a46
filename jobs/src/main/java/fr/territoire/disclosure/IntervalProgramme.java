package fr.territoire.disclosure;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The feasible range of one cell, by two linear programmes (ojAlgo) on a neighbourhood of
 * unknown cells: the cell's minimum and maximum subject to every relation touching the
 * neighbourhood, the unknowns outside held at their true values, and every cell ≥ 0. Any
 * solution extends to a solution of the whole system, so the true range is at least as
 * wide: a range reaching the protection interval here is a proof.
 */
final class IntervalProgramme {

	private final Cells cells;

	private final Relations relations;

	private final Neighbourhood neighbourhood;

	IntervalProgramme(Cells cells, Relations relations, boolean[] unknown) {
		this.cells = cells;
		this.relations = relations;
		this.neighbourhood = new Neighbourhood(cells, relations, unknown);
	}

	/** {min, max} of the cell over the neighbourhood of at most {@code cap} unknowns. */
	double[] range(int cell, int cap) {
		this.neighbourhood.collect(cell, cap);
		return new double[] { solve(false), solve(true) };
	}

	private double solve(boolean maximise) {
		int[] members = this.neighbourhood.members();
		ExpressionsBasedModel model = new ExpressionsBasedModel();
		Variable[] variables = new Variable[members.length];
		for (int i = 0; i < members.length; i++) {
			variables[i] = model.addVariable("x" + i).lower(Math.min(0, this.cells.value[members[i]]));
		}
		variables[0].weight(1);
		for (int relation : this.neighbourhood.relations()) {
			int[] relationMembers = this.relations.members[relation];
			Expression expression = model.addExpression("r" + relation);
			double level = 0;
			for (int i = 0; i < relationMembers.length; i++) {
				int local = this.neighbourhood.local(relationMembers[i]);
				if (local >= 0) {
					int coefficient = this.relations.coefficient(relation, i);
					expression.set(variables[local], coefficient);
					level += coefficient * this.cells.value[relationMembers[i]];
				}
			}
			expression.level(level);
		}
		Optimisation.Result result = maximise ? model.maximise() : model.minimise();
		if (result.getState() == Optimisation.State.UNBOUNDED) {
			return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
		}
		if (!result.getState().isFeasible()) {
			// no proof: the range is the true value alone
			return this.cells.value[members[0]];
		}
		return result.getValue();
	}

}
